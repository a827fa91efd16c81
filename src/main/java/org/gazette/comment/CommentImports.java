package org.gazette.comment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.gazette.Change;
import org.gazette.ClientAddresses;
import org.gazette.SharedChanges;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores comments brought in from another system (a WordPress or Disqus export) under
 * one article, in the caller's transaction, with batched inserts. Each keeps the
 * source's id as its source key: one already stored is left as it is, so importing the
 * same file again adds nothing. Threads are placed as {@link CommentService} places a
 * posted reply (depth, thread, same text normalisation); a reply deeper than the thread
 * depth is attached at the deepest level, never dropped. Parents are written before
 * their replies, one depth level per batch, so every reply knows its parent's id.
 */
@Component
public class CommentImports {

    /** The longest text stored (the column's limit), in characters. */
    public static final int MAX_BODY = 40_000;

    static final String ANONYMOUS = "Anonymous";

    private static final int MAX_NAME = 400;

    private static final int MAX_EMAIL = 1000;

    private static final int MAX_WEBSITE = 800;

    private static final int BATCH = 1_000;

    private static final String INSERT = """
            insert into comment (article_id, parent_id, thread_id, depth, author_name, author_email,
                   author_website, body, body_hash, status, trashed_from, status_reason, status_detail, staff,
                   client_address, client_network, created_at, updated_at, version, source_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""";

    private final JdbcTemplate jdbc;

    private final CommentProperties properties;

    private final SharedChanges changes;

    private final PrivacyProperties privacy;

    private final Clock clock;

    CommentImports(JdbcTemplate jdbc, CommentProperties properties, SharedChanges changes, PrivacyProperties privacy,
            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.changes = changes;
        this.privacy = privacy;
        this.clock = clock;
    }

    /**
     * The oldest moment whose comments keep their client address: an imported comment
     * older than the retention period arrives without it, as {@link ClientAddressRetention}
     * would clear it within the hour (and an import of years of comments would leave that
     * job a site's history to rewrite). {@code null} when addresses are kept forever.
     */
    private Instant addressesKeptSince() {
        int days = this.privacy.clientAddressRetentionDays();
        return (days > 0) ? this.clock.instant().minus(Duration.ofDays(days)) : null;
    }

    /**
     * Stores the comments of one article that are not stored yet and publishes what that
     * changes.
     * @param articleId the article
     * @param fresh whether the article was created in this transaction (then nothing of it
     * can be stored yet and nothing is looked up)
     * @param comments the article's comments from the source, in any order
     * @return how many were created and how many were already there, by status
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Written write(long articleId, boolean fresh, List<Incoming> comments) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<CommentStatus, Integer> present = new EnumMap<>(CommentStatus.class);
        if (!fresh) {
            loadStored(articleId, nodes);
        }
        List<Node> added = new ArrayList<>();
        for (Incoming comment : comments) {
            Node stored = nodes.get(comment.sourceKey());
            if (stored != null) {
                present.merge(stored.resolved ? stored.status : comment.status(), 1, Integer::sum);
                continue;
            }
            Node node = new Node(comment.sourceKey(), comment.status());
            node.incoming = comment;
            nodes.put(comment.sourceKey(), node);
            added.add(node);
        }
        for (Node node : added) {
            node.parent = (node.incoming.parentKey() != null) ? nodes.get(node.incoming.parentKey()) : null;
        }
        int maxDepth = this.properties.threadDepth();
        for (Node node : added) {
            resolve(node, maxDepth);
        }
        Map<CommentStatus, Integer> created = new EnumMap<>(CommentStatus.class);
        added.sort(Comparator.comparingInt((Node node) -> node.depth)
            .thenComparing((Node node) -> node.incoming.createdAt()));
        int from = 0;
        while (from < added.size()) {
            int depth = added.get(from).depth;
            int to = from;
            while (to < added.size() && added.get(to).depth == depth && to - from < BATCH) {
                to++;
            }
            insert(articleId, added.subList(from, to));
            from = to;
        }
        boolean visible = false;
        boolean queued = false;
        for (Node node : added) {
            created.merge(node.status, 1, Integer::sum);
            visible |= node.status == CommentStatus.APPROVED;
            queued |= node.status != CommentStatus.APPROVED;
        }
        if (visible) {
            this.changes.publish(Change.comments(articleId, null));
        }
        if (queued) {
            this.changes.publish(Change.queue(articleId));
        }
        return new Written(created, present);
    }

    private void loadStored(long articleId, Map<String, Node> nodes) {
        Map<Long, Node> byId = new HashMap<>();
        Map<Node, Long> parents = new HashMap<>();
        this.jdbc.query("""
                select id, parent_id, thread_id, depth, status, source_key
                  from comment where article_id = ? and source_key is not null""", (row) -> {
            Node node = new Node(row.getString("source_key"), CommentStatus.valueOf(row.getString("status")));
            node.id = row.getLong("id");
            node.depth = row.getInt("depth");
            long thread = row.getLong("thread_id");
            node.rootId = row.wasNull() ? node.id : thread;
            node.resolved = true;
            long parent = row.getLong("parent_id");
            if (!row.wasNull()) {
                parents.put(node, parent);
            }
            byId.put(node.id, node);
            nodes.put(node.sourceKey, node);
        }, articleId);
        parents.forEach((node, parentId) -> node.parent = byId.get(parentId));
    }

    /**
     * Places a comment in its thread: under its parent, or under the parent's nearest
     * ancestor that can take a reply when the parent is at the deepest level. A parent
     * missing from the source, or a loop of parents, makes a top-level comment.
     */
    private static void resolve(Node node, int maxDepth) {
        List<Node> path = new ArrayList<>();
        Node current = node;
        while (current != null && !current.resolved) {
            if (current.visiting) {
                path.get(path.size() - 1).parent = null;
                break;
            }
            current.visiting = true;
            path.add(current);
            current = current.parent;
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            Node each = path.get(i);
            Node parent = each.parent;
            while (parent != null && parent.depth >= maxDepth && parent.parent != null) {
                parent = parent.parent;
            }
            each.parent = parent;
            each.depth = (parent != null) ? Math.min(parent.depth + 1, maxDepth) : 1;
            each.root = (parent != null) ? ((parent.root != null) ? parent.root : parent) : null;
            each.resolved = true;
            each.visiting = false;
        }
    }

    private void insert(long articleId, List<Node> level) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Instant addressesKeptSince = addressesKeptSince();
        this.jdbc.batchUpdate((connection) -> connection.prepareStatement(INSERT, new String[] { "id" }),
                new BatchPreparedStatementSetter() {

                    @Override
                    public void setValues(PreparedStatement statement, int index) throws SQLException {
                        bind(statement, articleId, level.get(index), addressesKeptSince);
                    }

                    @Override
                    public int getBatchSize() {
                        return level.size();
                    }

                }, keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != level.size()) {
            throw new IllegalStateException("Expected " + level.size() + " generated ids, got " + ids.size());
        }
        for (int i = 0; i < level.size(); i++) {
            level.get(i).id = ((Number) ids.get(i).values().iterator().next()).longValue();
        }
    }

    private static void bind(PreparedStatement statement, long articleId, Node node, Instant addressesKeptSince)
            throws SQLException {
        Incoming comment = node.incoming;
        String body = body(comment.body());
        boolean kept = addressesKeptSince == null || !comment.createdAt().isBefore(addressesKeptSince);
        String address = (kept && comment.clientAddress() != null)
                ? ClientAddresses.canonical(comment.clientAddress()).orElse(null) : null;
        Timestamp created = Timestamp.from(comment.createdAt());
        statement.setLong(1, articleId);
        setId(statement, 2, (node.parent != null) ? node.parent.id : null);
        setId(statement, 3, (node.parent != null) ? rootId(node) : null);
        statement.setInt(4, node.depth);
        statement.setString(5, name(comment.authorName()));
        statement.setString(6, email(comment.authorEmail()));
        statement.setString(7, website(comment.authorWebsite()));
        statement.setString(8, body);
        statement.setString(9, BodyHash.of(body));
        statement.setString(10, node.status.name());
        statement.setString(11, (node.status == CommentStatus.TRASH && comment.trashedFrom() != null
                && comment.trashedFrom() != CommentStatus.TRASH) ? comment.trashedFrom().name() : null);
        statement.setString(12, (comment.staff() ? StatusReason.STAFF : StatusReason.IMPORTED).name());
        statement.setString(13, null);
        statement.setBoolean(14, comment.staff());
        statement.setString(15, address);
        statement.setString(16, (address != null) ? ClientAddresses.limitKey(address) : null);
        statement.setTimestamp(17, created);
        statement.setTimestamp(18, created);
        statement.setString(19, comment.sourceKey());
    }

    private static Long rootId(Node node) {
        return (node.root.rootId != null) ? node.root.rootId : node.root.id;
    }

    private static void setId(PreparedStatement statement, int index, Long id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.BIGINT);
        }
        else {
            statement.setLong(index, id);
        }
    }

    /** The text as a posted comment stores it: normalised, without control characters. */
    static String body(String text) {
        String normalised = Texts.normalise((text != null) ? text : "");
        if (Texts.hasControlCharacters(normalised)) {
            StringBuilder kept = new StringBuilder(normalised.length());
            normalised.codePoints()
                .filter((cp) -> !Texts.hasControlCharacters(Character.toString(cp)))
                .forEach(kept::appendCodePoint);
            normalised = kept.toString();
        }
        if (normalised.length() > MAX_BODY) {
            throw new IllegalArgumentException("a comment's text is longer than " + MAX_BODY + " characters");
        }
        return normalised;
    }

    private static String name(String name) {
        String normalised = Texts.normalise(name);
        if (normalised == null || normalised.isEmpty()) {
            return ANONYMOUS;
        }
        String oneLine = normalised.replaceAll("\\s+", " ");
        return (oneLine.length() > MAX_NAME) ? oneLine.substring(0, MAX_NAME) : oneLine;
    }

    private static String email(String email) {
        String normalised = Texts.normalise(email);
        if (normalised == null || normalised.length() > MAX_EMAIL) {
            return "";
        }
        return normalised.toLowerCase(Locale.ROOT);
    }

    /** Only an http(s) address is kept: it becomes a link on the page. */
    private static String website(String website) {
        String normalised = Texts.normalise(website);
        if (normalised == null || normalised.isEmpty() || normalised.length() > MAX_WEBSITE
                || !WebAddress.Validator.isWebAddress(normalised)) {
            return null;
        }
        return normalised;
    }

    /**
     * A comment as the source has it.
     *
     * @param sourceKey the source's id for it, unique across every source
     * @param parentKey the source key of the comment it answers, or {@code null}
     * @param authorName the name shown with it
     * @param authorEmail the email, or {@code null}
     * @param authorWebsite the website; kept only if it is an http(s) address
     * @param clientAddress the IP address it was sent from, or {@code null}
     * @param createdAt when it was written
     * @param body its text as the commenter typed it
     * @param status its status
     * @param trashedFrom for a comment in the trash, the status a restore gives back, or
     * {@code null} (then pending)
     * @param staff whether a staff member wrote it
     */
    public record Incoming(String sourceKey, String parentKey, String authorName, String authorEmail,
            String authorWebsite, String clientAddress, Instant createdAt, String body, CommentStatus status,
            CommentStatus trashedFrom, boolean staff) {

        public Incoming {
            Objects.requireNonNull(sourceKey, "sourceKey must not be null");
            Objects.requireNonNull(createdAt, "createdAt must not be null");
            Objects.requireNonNull(status, "status must not be null");
        }

    }

    /**
     * What {@link #write} did.
     *
     * @param created comments stored now, by status
     * @param present comments stored before, by status
     */
    public record Written(Map<CommentStatus, Integer> created, Map<CommentStatus, Integer> present) {

    }

    /** A comment while its place is worked out. */
    private static final class Node {

        final String sourceKey;

        final CommentStatus status;

        Incoming incoming;

        Long id;

        /** For a stored comment: its thread's top-level comment. */
        Long rootId;

        Node parent;

        Node root;

        int depth;

        boolean resolved;

        boolean visiting;

        Node(String sourceKey, CommentStatus status) {
            this.sourceKey = sourceKey;
            this.status = status;
        }

    }

}
