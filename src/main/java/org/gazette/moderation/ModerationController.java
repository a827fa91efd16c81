package org.gazette.moderation;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.gazette.comment.Comment;
import org.gazette.comment.CommentThreads;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation queue at {@code /moderation}: the tabs, the filters and the rows; the
 * actions on one comment or on a selection (each answered with a 303 back to the same
 * tab, page and filters and a notice); permanent deletes with a confirmation page;
 * editing a comment's text and replying as staff.
 */
@Controller
@RequestMapping("/moderation")
class ModerationController {

    static final String NOTICE = "notice";

    private final ModerationQueue queue;

    private final ModerationService moderation;

    private final DeskNotices notices;

    private final CommentThreads threads;

    ModerationController(ModerationQueue queue, ModerationService moderation, DeskNotices notices,
            CommentThreads threads) {
        this.queue = queue;
        this.moderation = moderation;
        this.notices = notices;
        this.threads = threads;
    }

    @ModelAttribute("deskSection")
    String deskSection() {
        return "queue";
    }

    @GetMapping
    String queue(HttpServletRequest request, Model model) {
        model.addAttribute("queue", this.queue.page(queueQuery(request)));
        return "moderation/queue";
    }

    /** One action on one comment, from its row. A permanent delete asks for confirmation first. */
    @PostMapping("/comments/{id}/{action}")
    Object act(@PathVariable String id, @PathVariable String action,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "confirmed", required = false) String confirmed, Principal editor,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        DeskAction deskAction = DeskAction.fromKey(action).orElseThrow(QueuePageNotFoundException::new);
        CommentRef ref = new CommentRef(commentId(id),
                CommentRef.number(version).orElseThrow(InvalidQueueQueryException::new));
        QueueQuery back = queueQuery(request);
        if (deskAction.isDelete() && !"true".equals(confirmed)) {
            return confirmDelete(List.of(ref), back, model);
        }
        return afterAction(this.moderation.apply(editor.getName(), deskAction, List.of(ref)), back, redirect);
    }

    /** One action on the selected comments ({@code selected=id:version}, one per row). */
    @PostMapping("/comments/bulk")
    Object bulk(@RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "selected", required = false) List<String> selected,
            @RequestParam(name = "confirmed", required = false) String confirmed, Principal editor,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        QueueQuery back = queueQuery(request);
        List<CommentRef> refs = new ArrayList<>();
        for (String token : (selected != null) ? selected : List.<String>of()) {
            refs.add(CommentRef.parse(token).orElseThrow(InvalidQueueQueryException::new));
        }
        if (action == null || action.isEmpty()) {
            return redirectWith(back, this.notices.error("desk.bulk.noAction"), redirect);
        }
        DeskAction deskAction = DeskAction.fromKey(action).orElseThrow(InvalidQueueQueryException::new);
        if (refs.isEmpty()) {
            return redirectWith(back, this.notices.error("desk.bulk.noneSelected"), redirect);
        }
        if (deskAction.isDelete() && !"true".equals(confirmed)) {
            return confirmDelete(refs, back, model);
        }
        return afterAction(this.moderation.apply(editor.getName(), deskAction, refs), back, redirect);
    }

    /** A comment's place in the queue: its tab, singled out (links from the log and from notices). */
    @GetMapping("/comments/{id}")
    RedirectView show(@PathVariable String id) {
        Comment comment = this.queue.comment(commentId(id)).orElseThrow(QueuePageNotFoundException::new);
        QueueQuery place = new QueueQuery(comment.getStatus(), 1, null, null, null, comment.getId());
        return seeOther(place.url());
    }

    /** The comment on the article page (its comment page and anchor) when readers can see it. */
    @GetMapping("/comments/{id}/view")
    RedirectView view(@PathVariable String id) {
        Comment comment = this.queue.comment(commentId(id)).orElseThrow(QueuePageNotFoundException::new);
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/articles/{slug}");
        if (comment.isApproved()) {
            int page = this.threads.pageOf(comment);
            if (page > 1) {
                url.queryParam("page", page);
            }
            url.fragment("comment-" + comment.getId());
        }
        return seeOther(url.buildAndExpand(comment.getArticle().getSlug()).encode().toUriString());
    }

    @GetMapping("/comments/{id}/edit")
    String editForm(@PathVariable String id, HttpServletRequest request, Model model) {
        Comment comment = this.queue.comment(commentId(id)).orElseThrow(QueuePageNotFoundException::new);
        CommentTextForm form = new CommentTextForm();
        form.setText(comment.getBody());
        form.setVersion(comment.getVersion());
        return textPage("moderation/edit", comment, form, queueQuery(request), model);
    }

    @PostMapping("/comments/{id}/edit")
    Object edit(@PathVariable String id, @Valid @ModelAttribute("form") CommentTextForm form, BindingResult result,
            Principal editor, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        long commentId = commentId(id);
        QueueQuery back = queueQuery(request);
        checkVersion(result);
        Comment comment = this.queue.comment(commentId).orElse(null);
        if (comment == null) {
            return redirectWith(back, this.notices.of(this.moderation.conflict(commentId)), redirect);
        }
        if (result.hasErrors()) {
            return withStatus(textPage("moderation/edit", comment, form, back, model),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            boolean changed = this.moderation.edit(editor.getName(), new CommentRef(commentId, form.getVersion()),
                    form.getText());
            return redirectWith(back, this.notices.success(changed ? "desk.edit.saved" : "desk.edit.unchanged"),
                    redirect);
        }
        catch (CommentChangedException ex) {
            return changedWhileWriting("moderation/edit", ex, form, back, model, redirect);
        }
    }

    @GetMapping("/comments/{id}/reply")
    String replyForm(@PathVariable String id, HttpServletRequest request, Model model, Principal editor) {
        Comment comment = this.queue.comment(commentId(id)).orElseThrow(QueuePageNotFoundException::new);
        CommentTextForm form = new CommentTextForm();
        form.setVersion(comment.getVersion());
        model.addAttribute("staffName", this.moderation.displayName(editor.getName()));
        return textPage("moderation/reply", comment, form, queueQuery(request), model);
    }

    @PostMapping("/comments/{id}/reply")
    Object reply(@PathVariable String id, @Valid @ModelAttribute("form") CommentTextForm form, BindingResult result,
            Principal editor, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        long commentId = commentId(id);
        QueueQuery back = queueQuery(request);
        checkVersion(result);
        model.addAttribute("staffName", this.moderation.displayName(editor.getName()));
        Comment comment = this.queue.comment(commentId).orElse(null);
        if (comment == null) {
            return redirectWith(back, this.notices.of(this.moderation.conflict(commentId)), redirect);
        }
        if (result.hasErrors()) {
            return withStatus(textPage("moderation/reply", comment, form, back, model),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            long replyId = this.moderation.reply(editor.getName(), new CommentRef(commentId, form.getVersion()),
                    form.getText());
            return redirectWith(back, this.notices.success("desk.reply.published",
                    new DeskNotice.Item(this.notices.text("desk.reply.see"), "/moderation/comments/" + replyId
                            + "/view")),
                    redirect);
        }
        catch (CommentChangedException ex) {
            return changedWhileWriting("moderation/reply", ex, form, back, model, redirect);
        }
        catch (IllegalStateException ex) {
            model.addAttribute(NOTICE, this.notices.error("desk.reply.refused"));
            return withStatus(textPage("moderation/reply", comment, form, back, model), HttpStatus.CONFLICT);
        }
    }

    /**
     * Another editor got there first while this one was writing: the page comes back
     * with the comment as it is now and what the editor typed, which a second submit
     * saves over the current version knowingly.
     */
    private Object changedWhileWriting(String template, CommentChangedException ex, CommentTextForm form,
            QueueQuery back, Model model, RedirectAttributes redirect) {
        DeskNotice notice = this.notices.of(ex.conflict());
        Comment current = this.queue.comment(ex.conflict().id()).orElse(null);
        if (current == null) {
            return redirectWith(back, notice, redirect);
        }
        form.setVersion(current.getVersion());
        model.addAttribute(NOTICE, notice);
        return withStatus(textPage(template, current, form, back, model), HttpStatus.CONFLICT);
    }

    private String textPage(String template, Comment comment, CommentTextForm form, QueueQuery back, Model model) {
        model.addAttribute("comment", this.queue.summary(comment));
        model.addAttribute("form", form);
        model.addAttribute("returnFields", back.returnFields());
        model.addAttribute("backUrl", back.url());
        return template;
    }

    private ModelAndView confirmDelete(List<CommentRef> refs, QueueQuery back, Model model) {
        List<Comment> found = this.queue.comments(refs.stream().map(CommentRef::id).toList());
        List<QueueRow> summaries = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (CommentRef ref : refs) {
            found.stream().filter((comment) -> comment.getId() == ref.id()).findFirst().ifPresent((comment) -> {
                summaries.add(this.queue.summary(comment));
                tokens.add(ref.token());
            });
        }
        ModelAndView page = new ModelAndView("moderation/delete", model.asMap());
        page.addObject("comments", summaries);
        page.addObject("tokens", tokens);
        page.addObject("returnFields", back.returnFields());
        page.addObject("backUrl", back.url());
        return page;
    }

    /** Back to where the editor was, on a page that still exists, with what happened. */
    private RedirectView afterAction(ActionReport report, QueueQuery back, RedirectAttributes redirect) {
        return redirectWith(back, this.notices.of(report), redirect);
    }

    private RedirectView redirectWith(QueueQuery back, DeskNotice notice, RedirectAttributes redirect) {
        int pages = this.queue.pageCount(back);
        QueueQuery place = (back.page() > pages) ? back.withPage(pages) : back;
        redirect.addFlashAttribute(NOTICE, notice);
        return seeOther(place.url());
    }

    private static void checkVersion(BindingResult result) {
        if (result.hasFieldErrors("version")) {
            throw new InvalidQueueQueryException();
        }
    }

    private static ModelAndView withStatus(String template, HttpStatus status) {
        ModelAndView page = new ModelAndView(template);
        page.setStatus(status);
        return page;
    }

    private static RedirectView seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    private static long commentId(String id) {
        return CommentRef.number(id).orElseThrow(QueuePageNotFoundException::new);
    }

    /** Where the editor is in the queue: from the address of a GET, or the hidden fields of a form. */
    static QueueQuery queueQuery(HttpServletRequest request) {
        return QueueQuery.parse(request.getParameter("status"), request.getParameter("page"),
                request.getParameter("q"), request.getParameter("article"), request.getParameter("sort"),
                request.getParameter("comment"));
    }

}
