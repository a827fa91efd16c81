package org.gazette.editor;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The desk's 403 page: a signed-in editor asked for something their role does not
 * allow (the accounts page is for admins), or sent a form whose token is stale.
 */
@Controller
class ForbiddenController {

    @RequestMapping(EditorAccessDeniedHandler.FORBIDDEN_PAGE)
    String forbidden(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("deskSection", "");
        return "editor/forbidden";
    }

}
