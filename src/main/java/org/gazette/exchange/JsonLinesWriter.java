package org.gazette.exchange;

import java.io.OutputStream;
import java.util.Locale;

import org.gazette.exchange.ExportRows.ExportedComment;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes comments as JSON Lines, one object a line with the fields the README lists,
 * through a streaming generator.
 */
class JsonLinesWriter implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder().rootValueSeparator("\n").build();

    private final JsonGenerator json;

    private boolean any;

    JsonLinesWriter(OutputStream out) {
        this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }

    void comment(ExportedComment comment) {
        this.any = true;
        this.json.writeStartObject();
        this.json.writeNumberProperty("id", comment.id());
        this.json.writeStringProperty("article_slug", comment.articleSlug());
        if (comment.parentId() != null) {
            this.json.writeNumberProperty("parent_id", comment.parentId());
        }
        else {
            this.json.writeNullProperty("parent_id");
        }
        this.json.writeNumberProperty("thread_id", comment.threadId());
        this.json.writeNumberProperty("depth", comment.depth());
        this.json.writeStringProperty("author_name", comment.authorName());
        this.json.writeStringProperty("author_email", comment.authorEmail());
        this.json.writeStringProperty("author_website", comment.authorWebsite());
        this.json.writeStringProperty("client_address", comment.clientAddress());
        this.json.writeStringProperty("created_at", comment.createdAt().toString());
        this.json.writeStringProperty("status", comment.status().toLowerCase(Locale.ROOT));
        this.json.writeBooleanProperty("staff", comment.staff());
        this.json.writeStringProperty("body", comment.body());
        this.json.writeEndObject();
    }

    void end() {
        if (this.any) {
            this.json.writeRaw('\n');
        }
        this.json.flush();
    }

    @Override
    public void close() {
        this.json.close();
    }

}
