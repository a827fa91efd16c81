package org.gazette.moderation;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.gazette.ClientAddresses;
import org.gazette.editor.AccountRefusedException;
import org.gazette.editor.EditorAccount;
import org.gazette.editor.EditorAccountRepository;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The page where every editor changes their own password: the current one, the new one
 * twice. A change is a POST answered with 303 and a notice; a refusal re-renders the
 * form with 422 and the message beside its field. An editor whose password was chosen
 * by someone else is sent here until they change it.
 */
@Controller
@RequestMapping("/moderation/password")
class PasswordController {

    private static final String PAGE = "moderation/password";

    private final AccountAdministration administration;

    private final EditorAccountRepository accounts;

    private final MessageSource messages;

    PasswordController(AccountAdministration administration, EditorAccountRepository accounts,
            MessageSource messages) {
        this.administration = administration;
        this.accounts = accounts;
        this.messages = messages;
    }

    @ModelAttribute("deskSection")
    String deskSection() {
        return "password";
    }

    @GetMapping
    ModelAndView page(Authentication editor) {
        return page(new PasswordForm(), editor, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView change(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
            Authentication editor, HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return page(form, editor, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            this.administration.changeOwnPassword(editor.getName(), form, ClientAddresses.of(request));
        }
        catch (AccountRefusedException ex) {
            boolean current = ex.getReason() != AccountRefusedException.Reason.SAME_PASSWORD;
            result.rejectValue(current ? "currentPassword" : "newPassword", ex.getReason().messageCode());
            return page(form, editor, status(ex.getReason()));
        }
        redirect.addFlashAttribute("notice", this.messages.getMessage("password.changed", null, locale));
        RedirectView back = new RedirectView("/moderation/password", true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return new ModelAndView(back);
    }

    private static HttpStatus status(AccountRefusedException.Reason reason) {
        return switch (reason) {
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case CHECKS_BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private ModelAndView page(PasswordForm form, Authentication editor, HttpStatus status) {
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("passwordForm", form);
        page.addObject("mustChange",
                this.accounts.findByUsername(editor.getName()).map(EditorAccount::isPasswordChangeRequired).orElse(false));
        return page;
    }

}
