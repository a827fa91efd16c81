package org.gazette.editor;

import java.time.Clock;

import org.gazette.Change;
import org.gazette.SharedChanges;
import org.gazette.StartUpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes the first editor account (an admin) on a fresh database. Without a configured
 * password a strong one is generated and printed once; it must be changed at the first
 * sign-in. Nodes that start together on an empty database make one account: the check
 * and the insert run under the {@link StartUpLock}.
 */
@Component
class FirstEditorAccount implements ApplicationRunner {

    private static final Logger logger = LoggerFactory.getLogger(FirstEditorAccount.class);

    private final EditorAccountRepository accounts;

    private final EditorProperties properties;

    private final PasswordEncoder passwordEncoder;

    private final Clock clock;

    private final StartUpLock startUpLock;

    private final SharedChanges changes;

    FirstEditorAccount(EditorAccountRepository accounts, EditorProperties properties,
            PasswordEncoder passwordEncoder, Clock clock, StartUpLock startUpLock, SharedChanges changes) {
        this.accounts = accounts;
        this.properties = properties;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.startUpLock = startUpLock;
        this.changes = changes;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        this.startUpLock.hold();
        if (this.accounts.count() > 0) {
            return;
        }
        String password = this.properties.password();
        boolean generated = !StringUtils.hasText(password);
        if (generated) {
            password = Passwords.generate();
        }
        else if (!Passwords.withinByteLimit(password)) {
            throw new IllegalStateException("gazette.editor.password must be at most "
                    + EditorAccountService.MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        else if (!Passwords.longEnough(password)) {
            logger.warn("gazette.editor.password is shorter than {} characters: choose a longer one",
                    EditorAccountService.MIN_PASSWORD_LENGTH);
        }
        String username = Usernames.canonical(this.properties.username())
            .orElseThrow(() -> new IllegalStateException("gazette.editor.username must be 1 to "
                    + Usernames.MAX_LENGTH + " letters, digits and . _ @ - (it is stored in lower case)"));
        EditorAccount account = new EditorAccount(username, capitalise(username),
                this.passwordEncoder.encode(password), EditorRole.ADMIN, this.clock.instant());
        if (generated) {
            account.requirePasswordChange();
        }
        this.accounts.save(account);
        this.changes.publish(Change.staff());
        if (generated) {
            logger.warn("Created editor account '{}' with generated password: {}", username, password);
            logger.warn("This password is shown only once and must be changed at the first sign-in. To choose "
                    + "one instead, set GAZETTE_EDITOR_PASSWORD (or gazette.editor.password) before the first start.");
        }
        else {
            logger.info("Created editor account '{}' with the configured password", username);
        }
    }

    private static String capitalise(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

}
