package org.gazette.moderation;

import java.time.Instant;

/**
 * A comment's place in a tab's order (time posted, then id): where a page of the queue
 * ends, so that the next page can be read from there in the index instead of counting
 * every comment before it.
 *
 * @param createdAt when the comment was posted
 * @param id the comment's id
 */
record QueuePlace(Instant createdAt, long id) {

}
