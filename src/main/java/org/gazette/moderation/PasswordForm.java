package org.gazette.moderation;

/** The "Change your password" form. Passwords are kept as typed: never trimmed, spaces count. */
@NewPassword
public class PasswordForm {

    private String currentPassword;

    private String newPassword;

    private String repeatPassword;

    public String getCurrentPassword() {
        return this.currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return this.newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return this.repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }

}
