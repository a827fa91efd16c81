package org.gazette.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.gazette.comment.PlainText;
import org.gazette.comment.ReplyForm;
import org.gazette.comment.Texts;

/**
 * The text an editor writes on the desk: a correction of a comment, or a staff reply.
 * It carries the version of the comment the editor's page showed. The setter
 * normalises what was typed as the readers' form does.
 */
public class CommentTextForm {

    @NotBlank(message = "{desk.text.required}")
    @PlainText(max = ReplyForm.MAX_COMMENT, multiline = true, message = "{desk.text.tooLong}")
    private String text;

    @NotNull
    private Long version;

    public String getText() {
        return this.text;
    }

    public void setText(String text) {
        this.text = Texts.normalise(text);
    }

    public Long getVersion() {
        return this.version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

}
