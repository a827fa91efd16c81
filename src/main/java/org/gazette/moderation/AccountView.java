package org.gazette.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.gazette.editor.EditorAccount;
import org.gazette.editor.EditorRole;

/**
 * One row of the accounts page.
 *
 * @param id the account's id
 * @param username its username
 * @param displayName the name shown on staff replies
 * @param roleKey the message key of its role
 * @param enabled whether it can sign in
 * @param createdAt when it was added
 * @param self whether it is the signed-in admin's own account
 * @param canDisable whether the Disable button applies (not one's own account, not the
 * last enabled admin)
 */
record AccountView(long id, String username, String displayName, String roleKey, boolean enabled,
        Instant createdAt, boolean self, boolean canDisable) {

    static List<AccountView> of(List<EditorAccount> accounts, String me) {
        long enabledAdmins = accounts.stream().filter((a) -> a.isAdmin() && a.isEnabled()).count();
        return accounts.stream().map((account) -> {
            boolean self = account.getUsername().equalsIgnoreCase(me);
            boolean lastAdmin = account.isAdmin() && account.isEnabled() && enabledAdmins <= 1;
            return new AccountView(account.getId(), account.getUsername(), account.getDisplayName(),
                    roleKey(account.getRole()), account.isEnabled(),
                    account.getCreatedAt(), self, account.isEnabled() && !self && !lastAdmin);
        }).toList();
    }

    static String roleKey(EditorRole role) {
        return "account.role." + role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * A choice of role on the "Add an account" form.
     *
     * @param role the role
     * @param labelKey the message key of its name
     * @param hintKey the message key of what it may do
     */
    record RoleOption(EditorRole role, String labelKey, String hintKey) {

        static List<RoleOption> all() {
            return java.util.Arrays.stream(EditorRole.values())
                .map((role) -> new RoleOption(role, roleKey(role), roleKey(role) + ".hint"))
                .toList();
        }

    }

}
