package org.gazette.moderation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.gazette.comment.CommentService;
import org.hibernate.annotations.Immutable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.repository.CrudRepository;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The audit log: append-only, and its page at {@code /moderation/log}. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTests {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ModerationService moderation;

    private DeskFixtures fixtures;

    @BeforeEach
    void cleanSlate(@Autowired CommentService comments, @Autowired JdbcTemplate jdbc,
            @Autowired ApplicationEventPublisher events) {
        this.fixtures = new DeskFixtures(comments, this.moderation, jdbc, events);
        this.fixtures.clean();
    }

    @Test
    void theLogsStoreCanOnlyAddAndRead() {
        assertThat(CrudRepository.class.isAssignableFrom(ModerationEventRepository.class)).isFalse();
        List<String> methods = Arrays.stream(ModerationEventRepository.class.getMethods())
            .map(Method::getName)
            .toList();
        assertThat(methods).containsExactlyInAnyOrder("save", "search", "editors", "latestFor");
        assertThat(ModerationEvent.class).hasAnnotation(Immutable.class);
        assertThat(Arrays.stream(ModerationEvent.class.getDeclaredMethods())
            .filter((method) -> Modifier.isPublic(method.getModifiers()))
            .map(Method::getName)).allMatch((name) -> name.startsWith("get"));
        assertThat(Arrays.stream(AuditLog.class.getDeclaredMethods())
            .filter((method) -> Modifier.isPublic(method.getModifiers()))
            .map(Method::getName)).containsExactlyInAnyOrder("record", "search", "editors", "latestFor");
    }

    @Test
    void thePageShowsWhoDidWhatWhenFromWhichStateToWhichNewestFirst() {
        long id = this.fixtures.held("Ann Reader", "ann@example.com", "Held");
        this.moderation.apply("maria", DeskAction.APPROVE, List.of(this.fixtures.ref(id)));
        this.moderation.apply("tom", DeskAction.SPAM, List.of(this.fixtures.ref(id)));

        Document page = page("/moderation/log");

        List<Element> rows = page.select(".log-table tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(cells(rows.get(0))).containsExactly("tom", "Marked as spam", "Approved → to Spam",
                "#" + id + " by Ann Reader As talks with Russia halt, NATO chief warns of new war in Europe", "");
        assertThat(cells(rows.get(1))).startsWith("maria", "Approved", "Pending → to Approved");
        assertThat(rows.get(0).select("time[datetime]")).hasSize(1);
        assertThat(rows.get(0).select("a[href='/moderation/comments/" + id + "']")).hasSize(1);
        assertThat(rows.get(0).select("a[href='" + DeskFixtures.ARTICLE + "']")).hasSize(1);
        assertThat(page.select("#editor option").eachText()).containsExactly("Everyone", "maria", "tom");
    }

    @Test
    void filtersByEditorAndByAction() {
        long one = this.fixtures.held("Ann", "ann@example.com", "One");
        long two = this.fixtures.held("Bo", "bo@example.com", "Two");
        this.moderation.apply("maria", DeskAction.APPROVE, List.of(this.fixtures.ref(one)));
        this.moderation.apply("tom", DeskAction.APPROVE, List.of(this.fixtures.ref(two)));
        this.moderation.apply("maria", DeskAction.TRASH, List.of(this.fixtures.ref(two)));

        assertThat(editors(page("/moderation/log?editor=maria"))).containsExactly("maria", "maria");
        assertThat(page("/moderation/log?action=APPROVE").select(".log-table tbody tr")).hasSize(2);
        Document both = page("/moderation/log?editor=maria&action=TRASH");
        assertThat(both.select(".log-table tbody tr")).hasSize(1);
        assertThat(both.select("#action option[selected]").text()).isEqualTo("Moved to Trash");
        assertThat(page("/moderation/log?editor=nobody").select(".queue-empty").text())
            .isEqualTo("No lines match these filters.");
    }

    @Test
    void aLongDetailIsShortenedBehindADisclosureAndNeverRunsAsMarkup() {
        String original = "<script>alert('x')</script> " + "A long original text. ".repeat(20);
        long id = this.fixtures.held("Ann", "ann@example.com", original);
        this.moderation.edit("maria", this.fixtures.ref(id), "Corrected");

        MvcTestResult result = get("/moderation/log");
        Document page = Jsoup.parse(DeskFixtures.body(result));

        Element detail = page.selectFirst(".log-detail details");
        assertThat(detail.select("summary").text()).endsWith("… Show all");
        assertThat(detail.select(".log-detail-full").text()).isEqualTo(original.strip());
        assertThat(page.select(".log-detail script")).isEmpty();
        assertThat(DeskFixtures.body(result)).contains("&lt;script&gt;alert(");
    }

    @Test
    void aDeletedCommentIsNamedAsDeleted() {
        long id = this.fixtures.spam("Spammer", "spam@example.com", "Buy now");
        this.moderation.apply("maria", DeskAction.DELETE, List.of(this.fixtures.ref(id)));

        Element row = page("/moderation/log").selectFirst(".log-table tbody tr");

        assertThat(cells(row)).containsExactly("maria", "Deleted permanently", "Spam",
                "#" + id + " (deleted) As talks with Russia halt, NATO chief warns of new war in Europe",
                "Spammer: Buy now");
    }

    @Test
    void pagesFiftyLinesAtATime() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Text");
        for (int i = 0; i < 26; i++) {
            this.moderation.apply("maria", DeskAction.TRASH, List.of(this.fixtures.ref(id)));
            this.moderation.apply("maria", DeskAction.RESTORE, List.of(this.fixtures.ref(id)));
        }

        Document first = page("/moderation/log");

        assertThat(first.select(".log-table tbody tr")).hasSize(50);
        assertThat(first.select(".pagination .page-numbers").text()).isEqualTo("Page 1 of 2");
        assertThat(page("/moderation/log?page=2").select(".log-table tbody tr")).hasSize(2);
        assertThat(get("/moderation/log?page=3")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAddressTheLogDoesNotKnowIsABadRequest() {
        assertThat(get("/moderation/log?action=DANCE")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get("/moderation/log?page=zero")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get("/moderation/log?page=0")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private static List<String> cells(Element row) {
        return row.select("td").stream().map(Element::text).toList().subList(1, 6);
    }

    private static List<String> editors(Document page) {
        return page.select(".log-table tbody tr").stream().map((row) -> row.select("td").get(1).text()).toList();
    }

    private Document page(String url) {
        MvcTestResult result = get(url);
        assertThat(result).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

    private MvcTestResult get(String url) {
        return this.mvc.get().uri(url).with(user("editor").roles("EDITOR")).exchange();
    }

}
