package org.gazette.moderation;

import org.gazette.article.ArticleDraft;
import org.gazette.article.BodyText;

import org.springframework.web.multipart.MultipartFile;

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

    private MultipartFile photoFile;

    private String photoAlt = "";

    private String photoCaption = "";

    private String photoCredit = "";

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

    /** Puts a stored photo's block at the end of the body and empties the "Add a photo" fields. */
    void appendPhoto(String imageUrl) {
        String block = BodyText.photoText(this.photoAlt.strip(), imageUrl, this.photoCaption.strip(),
                this.photoCredit.strip());
        this.body = this.body.isBlank() ? block : this.body.stripTrailing() + "\n\n" + block;
        this.photoAlt = "";
        this.photoCaption = "";
        this.photoCredit = "";
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

    public MultipartFile getPhotoFile() {
        return this.photoFile;
    }

    public void setPhotoFile(MultipartFile photoFile) {
        this.photoFile = photoFile;
    }

    public String getPhotoAlt() {
        return this.photoAlt;
    }

    public void setPhotoAlt(String photoAlt) {
        this.photoAlt = (photoAlt != null) ? photoAlt : "";
    }

    public String getPhotoCaption() {
        return this.photoCaption;
    }

    public void setPhotoCaption(String photoCaption) {
        this.photoCaption = (photoCaption != null) ? photoCaption : "";
    }

    public String getPhotoCredit() {
        return this.photoCredit;
    }

    public void setPhotoCredit(String photoCredit) {
        this.photoCredit = (photoCredit != null) ? photoCredit : "";
    }

}
