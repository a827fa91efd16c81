package org.gazette.moderation;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.gazette.editor.AccountChange;
import org.gazette.editor.AccountRefusedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The accounts page (admins only, by the editors' security chain): the list, "Add an
 * account", and per account Disable / Enable / Reset password. Every change is a POST
 * answered with 303 and a notice; a generated password is shown once, on that next
 * page.
 */
@Controller
@RequestMapping("/moderation/accounts")
class AccountsController {

    private static final String PAGE = "moderation/accounts";

    private final AccountAdministration administration;

    private final MessageSource messages;

    AccountsController(AccountAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @ModelAttribute("deskSection")
    String deskSection() {
        return "accounts";
    }

    @ModelAttribute("roles")
    List<AccountView.RoleOption> roles() {
        return AccountView.RoleOption.all();
    }

    @GetMapping
    ModelAndView list(Authentication admin) {
        return page(new AccountForm(), admin, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView create(@Valid @ModelAttribute("account") AccountForm form, BindingResult result,
            Authentication admin, RedirectAttributes redirect, Locale locale) {
        if (result.hasErrors()) {
            return page(form, admin, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        AccountChange change;
        try {
            change = this.administration.create(form, admin.getName());
        }
        catch (AccountRefusedException ex) {
            result.rejectValue("username", ex.getReason().messageCode());
            return page(form, admin, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        notice(redirect, locale, "account.created", change);
        return backToList();
    }

    @PostMapping("/{id}/disable")
    ModelAndView disable(@PathVariable long id, Authentication admin, RedirectAttributes redirect, Locale locale) {
        try {
            AccountChange change = this.administration.disable(id, admin.getName());
            notice(redirect, locale, change.changed() ? "account.disabled" : "account.alreadyDisabled", change);
        }
        catch (AccountRefusedException ex) {
            redirect.addFlashAttribute("refusal", this.messages.getMessage(ex.getReason().messageCode(), null, locale));
        }
        return backToList();
    }

    @PostMapping("/{id}/enable")
    ModelAndView enable(@PathVariable long id, Authentication admin, RedirectAttributes redirect, Locale locale) {
        AccountChange change = this.administration.enable(id, admin.getName());
        notice(redirect, locale, change.changed() ? "account.enabled" : "account.alreadyEnabled", change);
        return backToList();
    }

    @PostMapping("/{id}/reset-password")
    ModelAndView resetPassword(@PathVariable long id, Authentication admin, RedirectAttributes redirect,
            Locale locale) {
        AccountChange change = this.administration.resetPassword(id, admin.getName());
        notice(redirect, locale, "account.reset", change);
        return backToList();
    }

    private ModelAndView page(AccountForm form, Authentication admin, HttpStatus status) {
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("account", form);
        page.addObject("accounts", this.administration.accounts(admin.getName()));
        return page;
    }

    private void notice(RedirectAttributes redirect, Locale locale, String code, AccountChange change) {
        redirect.addFlashAttribute("notice",
                this.messages.getMessage(code, new Object[] { change.account().getUsername() }, locale));
        if (change.generatedPassword() != null) {
            redirect.addFlashAttribute("passwordFor", change.account().getUsername());
            redirect.addFlashAttribute("password", change.generatedPassword());
        }
    }

    private static ModelAndView backToList() {
        RedirectView redirect = new RedirectView("/moderation/accounts", true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

}
