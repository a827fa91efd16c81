package org.gazette.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.gazette.article.Article;
import org.gazette.article.ArticleChangedException;
import org.gazette.article.ArticleDesk;
import org.gazette.article.ArticleDraft;
import org.gazette.article.ArticleNotFoundException;
import org.gazette.article.ArticleSaved;
import org.gazette.article.ArticleStatus;
import org.gazette.article.PhotoProperties;
import org.gazette.article.PhotoRefusedException;
import org.gazette.article.StoredPhoto;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The desk's Articles section, at {@code /moderation/articles}: the list, newest first,
 * and the form that creates and edits an article. "Preview" shows the article as
 * readers will see it above the form without saving; "Save draft", "Publish" and
 * "Unpublish" save and redirect (303) back to the form; a refusal keeps everything
 * typed (422 with each message at its field, 409 when another editor saved the article
 * meanwhile). Nothing here is cached: drafts and previews are the editors' own.
 */
@Controller
@RequestMapping("/moderation/articles")
class ArticlesController {

    private static final String LIST = "moderation/articles/list";

    private static final String FORM = "moderation/articles/form";

    private final ArticleAdministration administration;

    private final ArticleDesk desk;

    private final MessageSource messages;

    private final String photoMaxSize;

    ArticlesController(ArticleAdministration administration, ArticleDesk desk, MessageSource messages,
            PhotoProperties photos) {
        this.administration = administration;
        this.desk = desk;
        this.messages = messages;
        this.photoMaxSize = size(photos.maxBytes().toBytes());
    }

    /** A size as editors read it: {@code 10 MB}, {@code 512 KB}. */
    static String size(long bytes) {
        long mega = 1024 * 1024;
        if (bytes >= mega && bytes % mega == 0) {
            return bytes / mega + " MB";
        }
        return (bytes >= 1024) ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    @ModelAttribute("deskSection")
    String deskSection(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return "articles";
    }

    @GetMapping
    ModelAndView list(@RequestParam(name = "page", defaultValue = "1") int page) {
        if (page < 1 || page > Integer.MAX_VALUE / ArticleAdministration.ARTICLES_PER_PAGE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Page<ArticleRow> articles = this.administration.list(page - 1);
        if (page > 1 && page > articles.getTotalPages()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ModelAndView list = new ModelAndView(LIST);
        list.addObject("articles", articles.getContent());
        list.addObject("pageNumber", page);
        list.addObject("pageCount", Math.max(1, articles.getTotalPages()));
        list.addObject("previousPage", articles.hasPrevious() ? page - 1 : null);
        list.addObject("nextPage", articles.hasNext() ? page + 1 : null);
        return list;
    }

    @GetMapping("/new")
    ModelAndView create() {
        return form(ArticleForm.of(this.desk.blank(), null), null, HttpStatus.OK);
    }

    @GetMapping("/{id}/edit")
    ModelAndView edit(@PathVariable long id) {
        Article article = find(id);
        return form(ArticleForm.of(ArticleDraft.textOf(article, this.desk.zone()), article.getVersion()), article,
                HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@ModelAttribute("articleForm") ArticleForm form, BindingResult result,
            @RequestParam(name = "action", defaultValue = "draft") String action, Authentication editor,
            RedirectAttributes redirect, Locale locale) {
        Action wanted = Action.of(action);
        if (wanted == Action.UNPUBLISH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (wanted == Action.ADD_PHOTO) {
            return addPhoto(form, result, null);
        }
        ArticleDraft draft = check(form, result);
        if (draft == null) {
            return form(form, null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (wanted == Action.PREVIEW) {
            return preview(form, draft, null);
        }
        ArticleSaved saved = this.administration.create(draft, wanted == Action.PUBLISH, editor.getName());
        return saved(saved, redirect, locale);
    }

    @PostMapping("/{id}")
    ModelAndView save(@PathVariable long id, @ModelAttribute("articleForm") ArticleForm form, BindingResult result,
            @RequestParam(name = "action", defaultValue = "draft") String action, Authentication editor,
            RedirectAttributes redirect, Locale locale) {
        Article article = find(id);
        Action wanted = Action.of(action);
        if (wanted == Action.ADD_PHOTO) {
            return addPhoto(form, result, article);
        }
        ArticleDraft draft = check(form, result);
        if (draft == null) {
            return form(form, article, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (wanted == Action.PREVIEW) {
            return preview(form, draft, article);
        }
        long version = (form.getVersion() != null) ? form.getVersion() : -1;
        ArticleStatus status = (wanted == Action.PUBLISH) ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT;
        try {
            return saved(this.administration.save(id, version, draft, status, editor.getName()), redirect, locale);
        }
        catch (ArticleChangedException | OptimisticLockingFailureException ex) {
            Article current = find(id);
            form.setVersion(current.getVersion());
            ModelAndView conflict = form(form, current, HttpStatus.CONFLICT);
            conflict.addObject("conflict", true);
            return conflict;
        }
    }

    private Article find(long id) {
        return this.desk.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    /** The checked draft, or {@code null} with each problem on its field. */
    private ArticleDraft check(ArticleForm form, BindingResult result) {
        ArticleDraft.Checked checked = this.desk.check(form.text());
        if (checked instanceof ArticleDraft.Invalid invalid) {
            for (ArticleDraft.Problem problem : invalid.problems()) {
                result.rejectValue(problem.field(), problem.code(), problem.arguments(), problem.code());
            }
            return null;
        }
        return ((ArticleDraft.Valid) checked).draft();
    }

    /**
     * Stores the photo of the "Add a photo" fields and appends its block to the body;
     * the form comes back with everything else as it was, and the preview when the rest
     * of the form is complete. A refused file or a missing field is a 422 at its field.
     */
    private ModelAndView addPhoto(ArticleForm form, BindingResult result, Article article) {
        MultipartFile file = form.getPhotoFile();
        if (file == null || file.isEmpty()) {
            result.rejectValue("photoFile", "article.photo.fileRequired");
        }
        checkPhotoText(form.getPhotoAlt(), "photoAlt", ArticleDraft.ALT_TEXT_MAX, result);
        checkPhotoText(form.getPhotoCaption(), "photoCaption", ArticleDraft.CAPTION_MAX, result);
        if (form.getPhotoCredit().strip().length() > ArticleDraft.CREDIT_MAX) {
            result.rejectValue("photoCredit", "article.photo.photoCredit.tooLong",
                    new Object[] { ArticleDraft.CREDIT_MAX }, null);
        }
        if (result.hasErrors()) {
            return form(form, article, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        StoredPhoto stored;
        try {
            stored = this.desk.storePhoto(file.getOriginalFilename(), file.getBytes());
        }
        catch (PhotoRefusedException ex) {
            result.rejectValue("photoFile", "article.photo.refused", new Object[] { ex.getMessage() },
                    ex.getMessage());
            return form(form, article, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        form.appendPhoto(stored.url());
        ModelAndView page = form(form, article, HttpStatus.OK);
        if (this.desk.check(form.text()) instanceof ArticleDraft.Valid valid) {
            page.addObject("preview", this.desk.preview(valid.draft(), (article != null) ? article.getSlug() : null));
        }
        page.addObject("photoAdded", true);
        return page;
    }

    private static void checkPhotoText(String value, String field, int max, BindingResult result) {
        String text = value.strip();
        if (text.isEmpty()) {
            result.rejectValue(field, "article.photo." + field + ".required");
        }
        else if (text.length() > max) {
            result.rejectValue(field, "article.photo." + field + ".tooLong", new Object[] { max }, null);
        }
    }

    private ModelAndView preview(ArticleForm form, ArticleDraft draft, Article article) {
        ModelAndView page = form(form, article, HttpStatus.OK);
        page.addObject("preview", this.desk.preview(draft, (article != null) ? article.getSlug() : null));
        return page;
    }

    private ModelAndView saved(ArticleSaved saved, RedirectAttributes redirect, Locale locale) {
        String key;
        if (saved.published()) {
            key = "desk.articles.notice.published";
        }
        else if (saved.unpublished()) {
            key = "desk.articles.notice.unpublished";
        }
        else if (saved.created() || saved.edited()) {
            key = "desk.articles.notice.saved";
        }
        else {
            key = "desk.articles.notice.unchanged";
        }
        redirect.addFlashAttribute("notice", this.messages.getMessage(key, new Object[] { saved.headline() }, locale));
        RedirectView back = new RedirectView("/moderation/articles/" + saved.id() + "/edit", true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    private ModelAndView form(ArticleForm form, Article article, HttpStatus status) {
        ModelAndView page = new ModelAndView(FORM, status);
        page.addObject("articleForm", form);
        page.addObject("editing", (article != null) ? EditedArticle.of(article) : null);
        page.addObject("photoMaxSize", this.photoMaxSize);
        return page;
    }

    /**
     * The article the form edits, as the page shows it.
     *
     * @param id the article
     * @param slug its slug
     * @param published whether readers see it
     * @param slugFixed whether its slug is fixed for good
     */
    record EditedArticle(long id, String slug, boolean published, boolean slugFixed) {

        static EditedArticle of(Article article) {
            return new EditedArticle(article.getId(), article.getSlug(), article.isPublished(), article.isSlugFixed());
        }

    }

    /** The form's buttons. */
    enum Action {

        PREVIEW, DRAFT, PUBLISH, UNPUBLISH, ADD_PHOTO;

        static Action of(String value) {
            for (Action action : values()) {
                if (action.name().equalsIgnoreCase(value)) {
                    return action;
                }
            }
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }

    }

}
