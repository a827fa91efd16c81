package org.gazette.editor;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address an editor's request comes from, as the sign-in limits see it (see
 * {@link ClientAddress}), for the desk's audit lines.
 */
@Component
public class EditorClients {

    private final ClientAddress clients;

    EditorClients(Environment environment) {
        this.clients = ClientAddress.from(environment);
    }

    /** The client address of the request. */
    public String addressOf(HttpServletRequest request) {
        return this.clients.of(request);
    }

    ClientAddress clientAddress() {
        return this.clients;
    }

}
