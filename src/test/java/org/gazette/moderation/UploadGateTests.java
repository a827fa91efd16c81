package org.gazette.moderation;

import jakarta.servlet.ServletException;
import org.gazette.moderation.PhotoUploads.UploadGate;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class UploadGateTests {

    private final UploadGate gate = new UploadGate(1000);

    @Test
    void letsAnUploadWithinTheCapThroughToTheArticleForm() throws Exception {
        assertThat(pass("POST", "/moderation/articles", "multipart/form-data; boundary=x", 1000).getStatus())
            .isEqualTo(200);
        assertThat(pass("POST", "/moderation/articles/42", "Multipart/Form-Data; boundary=x", 10).getStatus())
            .isEqualTo(200);
    }

    @Test
    void refusesAnUploadOverTheCapBeforeReadingIt() throws Exception {
        MockHttpServletResponse response = pass("POST", "/moderation/articles", "multipart/form-data; boundary=x",
                1001);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void refusesAnUploadAnywhereElse() throws Exception {
        for (String path : new String[] { "/articles/x/comments", "/moderation/settings", "/moderation/articles/new",
                "/moderation/articles/1/edit", "/login" }) {
            assertThat(pass("POST", path, "multipart/form-data; boundary=x", 10).getStatus()).as(path).isEqualTo(415);
        }
        assertThat(pass("PUT", "/moderation/articles", "multipart/form-data; boundary=x", 10).getStatus())
            .isEqualTo(415);
    }

    @Test
    void leavesOtherBodiesAlone() throws Exception {
        assertThat(pass("POST", "/articles/x/comments", "application/x-www-form-urlencoded", 5000).getStatus())
            .isEqualTo(200);
    }

    private MockHttpServletResponse pass(String method, String path, String type, int length)
            throws ServletException, java.io.IOException {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType(type);
        request.setContent(new byte[length]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        this.gate.doFilter(request, response, new MockFilterChain());
        return response;
    }

}
