package org.gazette.moderation;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.gazette.Change;
import org.gazette.comment.StaffDirectory;
import org.gazette.editor.EditorAccount;
import org.gazette.editor.EditorAccountRepository;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff names are the editors' display names, the names readers see on staff replies,
 * compared without regard to case. Usernames are not: they are not public, and holding a
 * comment signed with one would tell a stranger that the account exists. Every comment
 * post asks, so the names are kept in memory and read again after any committed change
 * to the accounts' names, made on this node or another ({@link Change.Topic#STAFF}).
 */
@Component
class EditorStaffDirectory implements StaffDirectory {

    private final EditorAccountRepository accounts;

    /** Moves after every committed change to the accounts' names. */
    private final AtomicLong generation = new AtomicLong();

    private volatile Names names;

    EditorStaffDirectory(EditorAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isStaffName(String name) {
        return name != null && names().contains(normalise(name));
    }

    @EventListener
    void on(Change change) {
        if (change.topic() == Change.Topic.STAFF || change.topic() == Change.Topic.EVERYTHING) {
            this.generation.incrementAndGet();
        }
    }

    private Set<String> names() {
        // The generation is read before the accounts: a change committed during the read
        // leaves these names marked as older than it, so the next call reads again.
        long current = this.generation.get();
        Names known = this.names;
        if (known != null && known.generation() == current) {
            return known.values();
        }
        Set<String> values = new HashSet<>();
        for (EditorAccount account : this.accounts.findAll()) {
            values.add(normalise(account.getDisplayName()));
        }
        this.names = new Names(current, Set.copyOf(values));
        return values;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private record Names(long generation, Set<String> values) {
    }

}
