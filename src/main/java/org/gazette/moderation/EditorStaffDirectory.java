package org.gazette.moderation;

import org.gazette.comment.StaffDirectory;
import org.gazette.editor.EditorAccountRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff names are the editors' usernames and display names. */
@Component
class EditorStaffDirectory implements StaffDirectory {

    private final EditorAccountRepository accounts;

    EditorStaffDirectory(EditorAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isStaffName(String name) {
        return name != null && this.accounts.existsByName(name.strip());
    }

}
