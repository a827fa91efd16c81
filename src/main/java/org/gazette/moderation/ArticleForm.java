package org.gazette.moderation;

import org.gazette.article.ArticleDraft;

/**
 * The desk's article form as typed, kept whole through previews, refusals and
 * conflicts; {@link #text()} hands it to the rules ({@link ArticleDraft#check}).
 */
public class ArticleForm {

    private String headline = "";

    private String dateline = "";

    private String byline = "";

    private String standfirst = "";

    private String body = "";

    private boolean commentsOpen = true;

    private Long version;

    static ArticleForm of(ArticleDraft.Text text, Long version) {
        ArticleForm form = new ArticleForm();
        form.headline = text.headline();
        form.dateline = text.dateline();
        form.byline = (text.byline() != null) ? text.byline() : "";
        form.standfirst = (text.standfirst() != null) ? text.standfirst() : "";
        form.body = text.body();
        form.commentsOpen = text.commentsOpen();
        form.version = version;
        return form;
    }

    ArticleDraft.Text text() {
        return new ArticleDraft.Text(this.headline, this.dateline, this.byline, this.standfirst, this.body,
                this.commentsOpen);
    }

    public String getHeadline() {
        return this.headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public String getDateline() {
        return this.dateline;
    }

    public void setDateline(String dateline) {
        this.dateline = dateline;
    }

    public String getByline() {
        return this.byline;
    }

    public void setByline(String byline) {
        this.byline = byline;
    }

    public String getStandfirst() {
        return this.standfirst;
    }

    public void setStandfirst(String standfirst) {
        this.standfirst = standfirst;
    }

    public String getBody() {
        return this.body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isCommentsOpen() {
        return this.commentsOpen;
    }

    public void setCommentsOpen(boolean commentsOpen) {
        this.commentsOpen = commentsOpen;
    }

    public Long getVersion() {
        return this.version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

}
