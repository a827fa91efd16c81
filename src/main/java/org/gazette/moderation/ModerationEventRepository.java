package org.gazette.moderation;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The audit log's store: it can add and read, and has no update or delete. */
interface ModerationEventRepository extends Repository<ModerationEvent, Long> {

    ModerationEvent save(ModerationEvent event);

    @Query("""
            select e from ModerationEvent e
             where (:editor is null or e.editor = :editor) and (:action is null or e.action = :action)
             order by e.occurredAt desc, e.id desc""")
    Page<ModerationEvent> search(String editor, String action, Pageable page);

    /** Everyone a line names (a failed sign-in of a username without an account names no one). */
    @Query("select distinct e.editor from ModerationEvent e where e.editor <> '' order by e.editor")
    List<String> editors();

    /** The latest line about each of the given comments. */
    @Query("""
            select e from ModerationEvent e
             where e.commentId in :commentIds
               and e.id = (select max(x.id) from ModerationEvent x where x.commentId = e.commentId)""")
    List<ModerationEvent> latestFor(Collection<Long> commentIds);

}
