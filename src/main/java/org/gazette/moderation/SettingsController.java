package org.gazette.moderation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.gazette.comment.ModerationMode;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The rules editors manage, at {@code /moderation/settings}: the moderation mode, the
 * disallowed and moderation words, the link limit, closing comments after N days, and
 * whether each article takes comments. A save applies to the next comment posted; a
 * save over settings another editor changed meanwhile is refused with 409, the current
 * values and what the editor tried to change.
 */
@Controller
@RequestMapping("/moderation/settings")
class SettingsController {

    private static final String PAGE = "moderation/settings";

    private final SettingsAdministration administration;

    private final MessageSource messages;

    SettingsController(SettingsAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @ModelAttribute("deskSection")
    String deskSection() {
        return "settings";
    }

    @ModelAttribute("modes")
    List<ModeOption> modes() {
        return Arrays.stream(ModerationMode.values())
            .map((mode) -> new ModeOption(mode, "settings.mode." + mode.key(), "settings.mode." + mode.key() + ".hint"))
            .toList();
    }

    @GetMapping
    ModelAndView show(@RequestParam(name = "page", defaultValue = "1") int page) {
        Page<SettingsArticle> articles = articles(page);
        return page(this.administration.currentForm(articles.getContent()), articles, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView save(@Valid @ModelAttribute("settings") SettingsForm form, BindingResult result,
            @RequestParam(name = "page", defaultValue = "1") int page, Authentication editor,
            RedirectAttributes redirect, Locale locale) {
        Page<SettingsArticle> articles = articles(page);
        if (result.hasErrors()) {
            return page(form, articles, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        int changes;
        try {
            changes = this.administration.save(form, editor.getName());
        }
        catch (SettingsConflictException | OptimisticLockingFailureException ex) {
            List<String> unsaved = this.administration.unsavedChanges(form);
            Page<SettingsArticle> current = articles(page);
            ModelAndView conflict = page(this.administration.currentForm(current.getContent()), current,
                    HttpStatus.CONFLICT);
            conflict.addObject("conflict", true);
            conflict.addObject("unsaved", unsaved);
            return conflict;
        }
        redirect.addFlashAttribute("notice", this.messages
            .getMessage((changes > 0) ? "settings.saved" : "settings.unchanged", new Object[] { changes }, locale));
        RedirectView back = new RedirectView("/moderation/settings", true);
        if (page > 1) {
            back.setUrl("/moderation/settings?page=" + page);
        }
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    private Page<SettingsArticle> articles(int page) {
        if (page < 1 || page > Integer.MAX_VALUE / SettingsAdministration.ARTICLES_PER_PAGE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Page<SettingsArticle> articles = this.administration.articles(page - 1);
        if (page > 1 && page > articles.getTotalPages()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return articles;
    }

    private ModelAndView page(SettingsForm form, Page<SettingsArticle> articles, HttpStatus status) {
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("settings", form);
        page.addObject("articles", articles.getContent());
        page.addObject("pageNumber", articles.getNumber() + 1);
        page.addObject("pageCount", Math.max(1, articles.getTotalPages()));
        page.addObject("previousPage", articles.hasPrevious() ? articles.getNumber() : null);
        page.addObject("nextPage", articles.hasNext() ? articles.getNumber() + 2 : null);
        return page;
    }

    /**
     * A choice of moderation mode on the form.
     *
     * @param mode the mode
     * @param labelKey the message key of its name
     * @param hintKey the message key of what it does
     */
    record ModeOption(ModerationMode mode, String labelKey, String hintKey) {

    }

}
