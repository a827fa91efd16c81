package org.gazette.editor;

import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.gazette.ClientAddresses;

import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * One sign-in attempt as every part of signing in sees it: the username canonicalised
 * once (see {@link Usernames}), the client's address and the key the limits count it
 * under, and whether the browser carries that account's device cookie. It is the
 * authentication's details, so the password check reads the same username the throttle
 * counted.
 *
 * @param typed the username as typed
 * @param username its canonical form, or {@code null} when the rule refuses it
 * @param clientAddress the client's address
 * @param clientKey the key the limits count the client under: the browser's device cookie
 * when it has signed in to that account before (so that others at the same address cannot
 * hold it back), otherwise its address (an IPv6 client by its /64)
 * @param knownBrowser whether the browser has signed in to that account before
 */
record SignInAttempt(String typed, String username, String clientAddress, String clientKey,
        boolean knownBrowser) implements Serializable {

    private static final String ATTRIBUTE = SignInAttempt.class.getName();

    static SignInAttempt of(String typed, String clientAddress, DeviceCookies devices, HttpServletRequest request) {
        String username = Usernames.canonical(typed).orElse(null);
        Optional<String> device = (username != null) ? devices.recognise(request, username) : Optional.empty();
        return new SignInAttempt(typed, username, clientAddress,
                device.orElseGet(() -> ClientAddresses.limitKey(clientAddress)), device.isPresent());
    }

    /** The username as typed in the request's sign-in form. */
    static String typedIn(HttpServletRequest request) {
        return request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY);
    }

    /** The attempt the sign-in filter made of the request. */
    static SignInAttempt of(HttpServletRequest request) {
        Object attempt = request.getAttribute(ATTRIBUTE);
        if (!(attempt instanceof SignInAttempt signIn)) {
            throw new IllegalStateException("The sign-in filter did not run for this request");
        }
        return signIn;
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The typed username, safe to show or log. */
    String shown() {
        return Usernames.loggable(this.typed);
    }

    @Override
    public String toString() {
        return "SignInAttempt[username=" + shown() + ", client=" + this.clientAddress + "]";
    }

}
