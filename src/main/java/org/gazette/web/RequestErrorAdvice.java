package org.gazette.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Requests the server cannot read — parameters that are not valid UTF-8, a form body
 * over the size cap — get their status (400, 413) and the styled error page, not a
 * logged server error.
 */
@ControllerAdvice
class RequestErrorAdvice {

    @ExceptionHandler(InvalidParameterException.class)
    void unreadableParameters(InvalidParameterException ex, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            // Tomcat has answered already (a malformed chunked body, for instance).
            return;
        }
        int status = (ex.getErrorCode() >= 400) ? ex.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
        response.sendError(status);
    }

}
