package org.gazette.moderation;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gazette.article.PhotoProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Uploads reach one place only: the desk's article form, whose "Add a photo" sends a
 * multipart body of at most the photo cap plus the form's text. Every other address
 * answers a multipart body with 415 before anything reads it, so the public side parses
 * no uploads and writes no temporary files; a body declared larger than the cap is 413
 * before it is read.
 */
@Configuration(proxyBeanMethods = false)
class PhotoUploads {

    /** Room for the form's text fields beside the photo. */
    static final long FORM_TEXT_ALLOWANCE = 512 * 1024;

    private static final Pattern ARTICLE_FORM = Pattern.compile("/moderation/articles(/\\d{1,18})?");

    /**
     * The whole body is capped, not the file: a file a little over the cap is still read
     * and refused by the library with its message, where a part over a per-file limit
     * would fail the parse and lose the form (and its CSRF token) altogether.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(PhotoProperties photos) {
        return new MultipartConfigElement("", -1, photos.maxBytes().toBytes() + FORM_TEXT_ALLOWANCE, 0);
    }

    @Bean
    FilterRegistrationBean<UploadGate> uploadGate(PhotoProperties photos) {
        FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(
                new UploadGate(photos.maxBytes().toBytes() + FORM_TEXT_ALLOWANCE));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Lets multipart bodies through to the article form only, and none over the cap. */
    static final class UploadGate extends OncePerRequestFilter {

        private final long maxRequestBytes;

        UploadGate(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                chain.doFilter(request, response);
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!"POST".equals(request.getMethod()) || !ARTICLE_FORM.matcher(path).matches()) {
                response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
                return;
            }
            if (request.getContentLengthLong() > this.maxRequestBytes) {
                response.setHeader("Connection", "close");
                response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
                return;
            }
            chain.doFilter(request, response);
        }

    }

}
