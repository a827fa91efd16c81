package org.gazette.moderation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import org.gazette.moderation.PhotoUploads.UploadGate;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import static org.assertj.core.api.Assertions.assertThat;

class UploadGateTests {

    private static final String BODY = """
            --x\r
            Content-Disposition: form-data; name="headline"\r
            \r
            Caf\u00e9 reopens\r
            --x\r
            Content-Disposition: form-data; name="photoFile"; filename="harbour.jpg"\r
            Content-Type: image/jpeg\r
            \r
            JPEGBYTES\r
            --x--\r
            """;

    private final UploadGate gate = new UploadGate(1000);

    @Test
    void readsTheArticleFormsFieldsAndFile() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = pass("/moderation/articles/42", BODY.getBytes(StandardCharsets.UTF_8),
                chain);
        assertThat(response.getStatus()).isEqualTo(200);
        ServletRequest passed = chain.getRequest();
        assertThat(passed.getParameter("headline")).isEqualTo("Caf\u00e9 reopens");
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(passed, MultipartHttpServletRequest.class);
        assertThat(multipart.getFile("photoFile").getOriginalFilename()).isEqualTo("harbour.jpg");
        assertThat(multipart.getFile("photoFile").getBytes()).isEqualTo("JPEGBYTES".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesABodyOverTheCap() throws Exception {
        MockHttpServletResponse response = pass("/moderation/articles", new byte[1001], new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void refusesABodyCutShort() throws Exception {
        String cut = "--x\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nno end";
        assertThat(pass("/moderation/articles", cut.getBytes(StandardCharsets.UTF_8), new MockFilterChain())
            .getStatus()).isEqualTo(400);
    }

    @Test
    void leavesEveryOtherAddressAlone() throws Exception {
        for (String path : new String[] { "/articles/x/comments", "/moderation/articles/import", "/moderation/settings",
                "/moderation/articles/1/edit" }) {
            MockFilterChain chain = new MockFilterChain();
            assertThat(pass(path, new byte[5000], chain).getStatus()).as(path).isEqualTo(200);
            assertThat(WebUtils.getNativeRequest(chain.getRequest(), MultipartHttpServletRequest.class)).isNull();
        }
    }

    private MockHttpServletResponse pass(String path, byte[] body, MockFilterChain chain)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(body);
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.gate.doFilter(request, response, chain);
        return response;
    }

}
