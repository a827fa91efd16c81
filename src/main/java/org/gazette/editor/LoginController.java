package org.gazette.editor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Gazette's own sign-in page (the framework's default one breaks the CSP). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "editor/login";
    }

}
