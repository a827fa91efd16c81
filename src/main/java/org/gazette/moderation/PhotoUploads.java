package org.gazette.moderation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.FileItem;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.gazette.article.PhotoProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * The desk's article form takes a photo as a multipart body ("Add a photo"); the servlet
 * container parses no multipart bodies anywhere ({@code spring.servlet.multipart.enabled=false}),
 * so this filter reads the article form's own, in memory, before the security chain
 * looks for the form's CSRF token in it. A body over the photo cap plus the form's text
 * is refused with 413, unread when it says its length. Every other address is left as
 * it was.
 */
@Configuration(proxyBeanMethods = false)
class PhotoUploads {

    /** Room for the form's text fields beside the photo. */
    static final long FORM_TEXT_ALLOWANCE = 512 * 1024;

    private static final Pattern ARTICLE_FORM = Pattern.compile("/moderation/articles(/\\d{1,18})?");

    @Bean
    FilterRegistrationBean<UploadGate> uploadGate(PhotoProperties photos) {
        FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(
                new UploadGate(photos.maxBytes().toBytes() + FORM_TEXT_ALLOWANCE));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Reads the article form's multipart body, and none over the cap. */
    static final class UploadGate extends OncePerRequestFilter {

        private final long maxRequestBytes;

        UploadGate(long maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!isArticleFormUpload(request)
                    || WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getContentLengthLong() > this.maxRequestBytes) {
                tooLarge(response);
                return;
            }
            HttpServletRequest parsed;
            try {
                parsed = parse(request);
            }
            catch (SizeException ex) {
                tooLarge(response);
                return;
            }
            catch (FileUploadException ex) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
            chain.doFilter(parsed, response);
        }

        private static boolean isArticleFormUpload(HttpServletRequest request) {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                    || !"POST".equals(request.getMethod())) {
                return false;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return ARTICLE_FORM.matcher(path).matches();
        }

        private HttpServletRequest parse(HttpServletRequest request) throws FileUploadException, IOException {
            DiskFileItemFactory memory = new DiskFileItemFactory(Integer.MAX_VALUE, null);
            memory.setDefaultCharset(StandardCharsets.UTF_8.name());
            FileUpload upload = new FileUpload();
            upload.setFileItemFactory(memory);
            upload.setSizeMax(this.maxRequestBytes);
            upload.setFileCountMax(100);
            upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
            List<FileItem> items = upload.parseRequest(new ServletRequestContext(request));
            MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
            Map<String, List<String>> fields = new LinkedHashMap<>();
            Map<String, String> contentTypes = new HashMap<>();
            for (FileItem item : items) {
                if (item.isFormField()) {
                    fields.computeIfAbsent(item.getFieldName(), (name) -> new java.util.ArrayList<>())
                        .add(item.getString(StandardCharsets.UTF_8.name()));
                }
                else {
                    files.add(item.getFieldName(), new UploadedFile(item.getFieldName(), item.getName(),
                            item.getContentType(), item.get()));
                }
                contentTypes.put(item.getFieldName(), item.getContentType());
            }
            Map<String, String[]> parameters = new LinkedHashMap<>();
            fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
            return new DefaultMultipartHttpServletRequest(request, files, parameters, contentTypes);
        }

        private static void tooLarge(HttpServletResponse response) throws IOException {
            response.setHeader("Connection", "close");
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }

    }

    /** A file part of the article form, held in memory. */
    record UploadedFile(String name, String originalFilename, String contentType, byte[] bytes)
            implements MultipartFile {

        @Override
        public String getName() {
            return this.name;
        }

        @Override
        public String getOriginalFilename() {
            return this.originalFilename;
        }

        @Override
        public String getContentType() {
            return this.contentType;
        }

        @Override
        public boolean isEmpty() {
            return this.bytes.length == 0;
        }

        @Override
        public long getSize() {
            return this.bytes.length;
        }

        @Override
        public byte[] getBytes() {
            return this.bytes.clone();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(this.bytes);
        }

        @Override
        public void transferTo(java.io.File destination) throws IOException {
            Files.write(destination.toPath(), this.bytes);
        }

        @Override
        public void transferTo(Path destination) throws IOException {
            Files.write(destination, this.bytes);
        }

    }

}
