package org.gazette.moderation;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import nu.validator.client.EmbeddedValidator;
import org.gazette.Change;
import org.gazette.article.Article;
import org.gazette.article.ArticleRepository;
import org.gazette.comment.CommentService;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The queue page: what each row shows, the tabs and their counts, search, article
 * filter, order and paging, refusals of addresses it does not know, and the number of
 * queries a page costs.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureMockMvc
class ModerationQueuePageTests {

    private static final String OTHER_SLUG = "desk-tests-second-article";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private ArticleRepository articles;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EntityManagerFactory entityManagerFactory;

    @Autowired
    private ApplicationEventPublisher events;

    private DeskFixtures fixtures;

    private ModerationService moderation;

    @BeforeEach
    void cleanSlate(@Autowired CommentService comments, @Autowired ModerationService moderation) {
        this.moderation = moderation;
        this.fixtures = new DeskFixtures(comments, moderation, this.jdbc, this.events);
        this.fixtures.clean();
    }

    @AfterEach
    void removeSecondArticle() {
        this.jdbc.update("delete from article where slug = ?", OTHER_SLUG);
    }

    @Test
    void rowShowsTheTextAsReadersSeeItWithWhoWroteItWhyItIsHeldAndTheirHistory() {
        this.fixtures.approved("Ann Reader", "ann@example.com", "An earlier comment");
        this.fixtures.spam("Ann Reader", "ann@example.com", "A spammy one");
        long held = this.fixtures.held(DeskFixtures.SLUG, "Ann Reader", "ann@example.com", "https://ann.example",
                "See https://a.example and https://b.example and https://c.example <b>now</b> <script>x()</script>");

        Document page = page("/moderation");

        Element row = page.getElementById("c" + held);
        assertThat(row).isNotNull();
        assertThat(row.select(".queue-author").text()).isEqualTo("Ann Reader");
        assertThat(row.select(".queue-facts").text()).contains("ann@example.com", "https://ann.example",
                DeskFixtures.CLIENT, "As talks with Russia halt");
        assertThat(row.select(".queue-facts a[href='" + DeskFixtures.ARTICLE + "']")).hasSize(1);
        assertThat(row.select(".queue-why").text()).contains("Held: too many links", "3 links");
        Element text = row.selectFirst(".queue-text");
        assertThat(text.select("b").text()).isEqualTo("now");
        assertThat(text.select("a[rel='nofollow ugc noopener']")).hasSize(3);
        assertThat(text.select("script")).isEmpty();
        assertThat(text.text()).contains("<script>x()</script>");
        assertThat(row.select(".queue-history").text()).contains("1 approved", "1 pending", "1 spam");
        assertThat(row.select("time[datetime]")).hasSize(1);
    }

    @Test
    void historyLinksFindTheAuthorsCommentsByTheirExactEmail() {
        long held = this.fixtures.held("Ann", "ann+news@example.com", "Held text");

        Element history = page("/moderation").getElementById("c" + held).selectFirst(".queue-history");
        List<String> links = history.select("a").eachAttr("href");

        // decoded as a servlet container decodes a query, where a plus is a space
        assertThat(links).hasSize(3)
            .allSatisfy((href) -> assertThat(URLDecoder.decode(href.replaceAll(".*[?&]q=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8))
                .isEqualTo("ann+news@example.com"));
        assertThat(rowIds(linkedPage(links.get(1)))).containsExactly(held);
        assertThat(linkedPage(links.get(0)).select(".queue-empty").text())
            .isEqualTo("No comments here match these filters.");
    }

    @Test
    void cardNamesItsAuthorToScreenReadersAndOffersTheLinksItsStatusAllows() {
        long parent = this.fixtures.approved("Bo", "bo@example.com", "An approved comment");
        long held = this.fixtures.held("Ann", "ann@example.com", "Held text");
        this.jdbc.update("update comment set client_address = null where id = ?", held);
        this.fixtures.act(DeskAction.SPAM, this.fixtures.held("Cy", "cy@example.com", "Spam text"));
        long staff = this.moderation.reply("editor", this.fixtures.ref(parent), "A staff answer");

        Element pending = page("/moderation").getElementById("c" + held);
        assertThat(pending.select("article").attr("aria-labelledby")).isEqualTo("c" + held + "-author");
        assertThat(pending.select("#c" + held + "-author").text()).isEqualTo("Ann");
        assertThat(pending.select("label[for=c" + held + "-select]").text()).isEqualTo("Select the comment by Ann");
        assertThat(pending.select(".queue-actions").attr("aria-label")).isEqualTo("Actions for the comment by Ann");
        assertThat(pending.select(".queue-actions a").eachText()).containsExactly(
                "Approve and reply the comment by Ann", "Edit the comment by Ann");
        assertThat(pending.select(".queue-actions a").eachAttr("href")).containsExactly(
                "/moderation/comments/" + held + "/reply?status=pending",
                "/moderation/comments/" + held + "/edit?status=pending");
        assertThat(pending.select(".queue-facts dd.muted").text()).isEqualTo("not kept");
        assertThat(pending.select(".staff-badge")).isEmpty();

        Document approved = page("/moderation?status=approved");
        Element answer = approved.getElementById("c" + staff);
        assertThat(answer.select(".queue-author .staff-badge").text()).isEqualTo("Staff");
        assertThat(answer.select(".queue-why").text()).isEqualTo("Published by staff");
        assertThat(approved.getElementById("c" + parent).select(".queue-actions a").eachText()).containsExactly(
                "Reply the comment by Bo", "Edit the comment by Bo", "View on article the comment by Bo");
        assertThat(approved.getElementById("c" + parent).select("a.queue-view").attr("href"))
            .isEqualTo("/moderation/comments/" + parent + "/view");

        Element spam = page("/moderation?status=spam").selectFirst(".queue-item");
        assertThat(spam.select(".queue-actions a").eachText()).containsExactly("Edit the comment by Cy");
        assertThat(spam.select("button[data-confirm]").eachAttr("formaction")).singleElement()
            .asString()
            .endsWith("/delete");
        assertThat(spam.select("button[data-confirm]").attr("data-confirm"))
            .isEqualTo("Delete permanently? This cannot be undone.");
    }

    @Test
    void rowOffersOnlyTheActionsItsStatusAllows() {
        long held = this.fixtures.held("Ann", "ann@example.com", "Held text");
        long spam = this.fixtures.spam("Bo", "bo@example.com", "Spam text");
        long trashed = this.fixtures.trashed("Cy", "cy@example.com", "Trashed text");
        long approved = this.fixtures.approved("Di", "di@example.com", "Approved text");

        assertThat(actions(page("/moderation?status=pending"), held)).containsExactly("approve", "spam", "trash");
        assertThat(actions(page("/moderation?status=approved"), approved)).containsExactly("unapprove", "spam",
                "trash");
        assertThat(actions(page("/moderation?status=spam"), spam)).containsExactly("not-spam", "trash", "delete");
        assertThat(actions(page("/moderation?status=trash"), trashed)).containsExactly("restore", "delete");
    }

    @Test
    void everyRowCarriesTheVersionTheEditorSees() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held text");
        this.fixtures.act(DeskAction.TRASH, id);
        this.fixtures.act(DeskAction.RESTORE, id);
        long version = this.fixtures.version(id);

        Element row = page("/moderation").getElementById("c" + id);

        assertThat(row.select("input[name=selected]").attr("value")).isEqualTo(id + ":" + version);
        assertThat(row.select("button[name=version]")).allSatisfy(
                (button) -> assertThat(button.attr("value")).isEqualTo(Long.toString(version)));
    }

    @Test
    void replyRowNamesTheCommentItAnswers() {
        long parent = this.fixtures.approved("Bo Parent", "bo@example.com", "What the parent said, at some length");
        long reply = this.fixtures.heldReply(parent, "Ann", "ann@example.com", "A reply");

        Element row = page("/moderation").getElementById("c" + reply);

        assertThat(row.select(".queue-facts").text()).contains("In reply to", "Bo Parent",
                "What the parent said, at some length");
        assertThat(row.select(".queue-facts a[href='/moderation/comments/" + parent + "']")).hasSize(1);
    }

    @Test
    void tabsCountEveryStatus() {
        this.fixtures.held("Ann", "ann@example.com", "one");
        this.fixtures.held("Bo", "bo@example.com", "two");
        this.fixtures.approved("Cy", "cy@example.com", "three");
        this.fixtures.spam("Di", "di@example.com", "four");

        Document page = page("/moderation?status=spam");

        assertThat(page.select(".tabs a").eachText()).containsExactly("Pending 2 (2 comments)",
                "Approved 1 (1 comment)", "Spam 1 (1 comment)", "Trash 0 (no comments)");
        assertThat(page.select(".tabs a[aria-current=page]").text()).startsWith("Spam");
    }

    @Test
    void pendingIsFirstInFirstOutOtherTabsNewestFirstAndTheOrderToggles() {
        long first = this.fixtures.held("First", "first@example.com", "one");
        long second = this.fixtures.held("Second", "second@example.com", "two");
        long third = this.fixtures.held("Third", "third@example.com", "three");
        List.of(first, second, third).forEach((id) -> this.fixtures.act(DeskAction.SPAM, id));
        long fourth = this.fixtures.held("Fourth", "fourth@example.com", "four");
        long fifth = this.fixtures.held("Fifth", "fifth@example.com", "five");

        assertThat(rowIds(page("/moderation"))).containsExactly(fourth, fifth);
        assertThat(rowIds(page("/moderation?sort=newest"))).containsExactly(fifth, fourth);
        assertThat(rowIds(page("/moderation?status=spam"))).containsExactly(third, second, first);
        assertThat(rowIds(page("/moderation?status=spam&sort=oldest"))).containsExactly(first, second, third);
    }

    @Test
    void searchLooksAtNameEmailWebsiteAddressAndTextIgnoringCase() {
        long byName = this.fixtures.held(DeskFixtures.SLUG, "Zelda Quince", "zq@example.com", null, "plain");
        long byEmail = this.fixtures.held(DeskFixtures.SLUG, "Bo", "MARKER@example.org", null, "plain");
        long byWebsite = this.fixtures.held(DeskFixtures.SLUG, "Cy", "cy@example.com", "https://quince.example",
                "plain");
        long byText = this.fixtures.held(DeskFixtures.SLUG, "Di", "di@example.com", null, "I like QUINCE jam");
        this.fixtures.held(DeskFixtures.SLUG, "Ed", "ed@example.com", null, "nothing to see");

        assertThat(rowIds(page("/moderation?q=quince"))).containsExactly(byName, byWebsite, byText);
        assertThat(rowIds(page("/moderation?q=marker@EXAMPLE"))).containsExactly(byEmail);
        assertThat(rowIds(page("/moderation?q=203.0.113"))).hasSize(5);
        assertThat(page("/moderation?q=quince").select("#q").val()).isEqualTo("quince");
    }

    @Test
    void searchTakesWildcardCharactersLiterally() {
        long percent = this.fixtures.held("Ann", "ann@example.com", "100% agreed");
        this.fixtures.held("Bo", "bo@example.com", "1000 agreed");
        this.fixtures.held("Cy", "cy_x@example.com", "underscore in email");
        this.fixtures.held("Di", "dix@example.com", "no underscore");

        assertThat(rowIds(page("/moderation?q=0%"))).containsExactly(percent);
        assertThat(rowIds(page("/moderation?q=y_x"))).hasSize(1);
        assertThat(page("/moderation?q=%%%").select(".queue-empty").text())
            .isEqualTo("No comments here match these filters.");
    }

    @Test
    void filtersByArticleAndCountsTabsForThatArticle() {
        Instant now = Instant.now();
        Article other = this.articles.save(new Article(OTHER_SLUG, "A second story", now, now));
        long onSeed = this.fixtures.held("Ann", "ann@example.com", "On the seed article");
        long onOther = this.fixtures.held(OTHER_SLUG, "Bo", "bo@example.com", null, "On the other article");
        this.fixtures.held(OTHER_SLUG, "Cy", "cy@example.com", null, "Also on the other article");
        this.fixtures.act(DeskAction.SPAM, onSeed);

        Document page = page("/moderation?article=" + other.getId());

        assertThat(rowIds(page)).hasSize(2).contains(onOther);
        assertThat(page.select(".tabs a").eachText()).containsExactly("Pending 2 (2 comments)",
                "Approved 0 (no comments)", "Spam 0 (no comments)", "Trash 0 (no comments)");
        assertThat(page.select("#article option[selected]").text()).isEqualTo("A second story");
        assertThat(page.select(".tabs a").eachAttr("href")).allMatch((href) -> href.contains("article="
                + other.getId()));
        assertThat(page("/moderation").select("#article option").eachText()).contains("A second story",
                "As talks with Russia halt, NATO chief warns of new war in Europe");
    }

    @Test
    void pagesTwentyCommentsAtATime() {
        for (int i = 1; i <= 23; i++) {
            this.fixtures.held("Reader " + i, "reader" + i + "@example.com", "Comment number " + i);
        }

        Document first = page("/moderation");
        Document second = page("/moderation?page=2");

        assertThat(rowIds(first)).hasSize(20);
        assertThat(first.select(".queue-count").text()).isEqualTo("Showing 1–20 of 23");
        assertThat(first.select(".pagination a[rel=next]").attr("href")).isEqualTo("/moderation?status=pending&page=2");
        assertThat(rowIds(second)).hasSize(3);
        assertThat(second.select(".queue-count").text()).isEqualTo("Showing 21–23 of 23");
        assertThat(second.select("#bulk input[name=page]").val()).isEqualTo("2");
    }

    @Test
    void aLaterPageReadFromWhereTheOneBeforeEndedIsExactAfterEveryWrite() {
        List<Long> waiting = new ArrayList<>();
        for (int i = 1; i <= 65; i++) {
            waiting.add(this.fixtures.held("Reader " + i, "reader" + i + "@example.com", "Comment number " + i));
        }
        assertPages("/moderation?", waiting);

        // a move off the tab from page 1, a comment joining at the end, a move onto the tab
        this.fixtures.act(DeskAction.APPROVE, waiting.remove(2));
        waiting.add(this.fixtures.held("Late Reader", "late@example.com", "A late comment"));
        assertPages("/moderation?", waiting);
        long spam = this.fixtures.spam("Spammer", "spam@example.com", "Buy now");
        this.fixtures.act(DeskAction.NOT_SPAM, spam);
        waiting.add(spam);
        assertPages("/moderation?", waiting);

        List<Long> newestFirst = new ArrayList<>(waiting);
        Collections.reverse(newestFirst);
        assertPages("/moderation?sort=newest&", newestFirst);
        this.fixtures.act(DeskAction.TRASH, newestFirst.remove(25));
        assertPages("/moderation?sort=newest&", newestFirst);
    }

    /**
     * The last page to the first, then on to the last again, each exactly its slice of
     * the expected order: the first pass finds the ends kept before the latest write.
     */
    private void assertPages(String prefix, List<Long> expected) {
        int pages = (expected.size() + 19) / 20;
        List<Integer> order = new ArrayList<>();
        for (int page = pages; page >= 1; page--) {
            order.add(page);
        }
        for (int page = 1; page <= pages; page++) {
            order.add(page);
        }
        for (int page : order) {
            List<Long> slice = expected.subList((page - 1) * 20, Math.min(page * 20, expected.size()));
            assertThat(rowIds(page(prefix + "page=" + page))).as("page %d", page).isEqualTo(slice);
        }
        assertThat(get(prefix + "page=" + (pages + 1))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPagePastTheLastIsNotFound() {
        this.fixtures.held("Ann", "ann@example.com", "Only one");

        assertThat(get("/moderation?page=2")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/moderation?page=1")).hasStatusOk();
    }

    @Test
    void anAddressTheQueueDoesNotKnowIsABadRequestOnAStyledPage() {
        for (String url : List.of("/moderation?status=published", "/moderation?page=abc", "/moderation?page=0",
                "/moderation?page=-1", "/moderation?page=99999999999", "/moderation?sort=sideways",
                "/moderation?article=x", "/moderation?q=" + "x".repeat(201))) {
            MvcTestResult result = get(url);
            assertThat(result).as(url).hasStatus(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void anEmptyTabSaysSo() {
        Document page = page("/moderation");

        assertThat(page.select(".queue-empty").text()).isEqualTo("Nothing is waiting for moderation. Well done.");
        assertThat(page.select("#bulk")).isEmpty();
    }

    @Test
    void aPageCostsTheSameQueriesWhateverItsRows() {
        this.fixtures.held("Solo", "solo@example.com", "alone");
        long few = coldStatementsFor("/moderation");
        long parent = this.fixtures.approved("Parent", "parent@example.com", "A parent");
        for (int i = 0; i < 30; i++) {
            if (i % 2 == 0) {
                this.fixtures.heldReply(parent, "Replier " + i, "replier" + i + "@example.com", "Reply " + i);
            }
            else {
                this.fixtures.held("Reader " + i, "reader" + i + "@example.com", "Comment " + i);
            }
        }
        long many = coldStatementsFor("/moderation");
        long manyPageTwo = coldStatementsFor("/moderation?page=2");

        assertThat(many).isLessThanOrEqualTo(7);
        assertThat(few).isLessThanOrEqualTo(many);
        assertThat(manyPageTwo).isLessThanOrEqualTo(many);
    }

    @Test
    void aPageCostsTheSameQueriesWhateverTheNumberWaiting() {
        this.fixtures.held("Solo", "solo@example.com", "alone");
        long few = coldStatementsFor("/moderation");
        long fewOnArticle = coldStatementsFor("/moderation?article=" + articleId());
        for (int i = 0; i < 60; i++) {
            this.fixtures.held("Reader " + i, "reader" + i + "@example.com", "Comment " + i);
        }

        long firstPage = coldStatementsFor("/moderation");
        long lastPage = coldStatementsFor("/moderation?page=4&sort=newest");
        long onArticle = coldStatementsFor("/moderation?article=" + articleId() + "&page=2");
        long searched = coldStatementsFor("/moderation?q=reader&page=3");

        // with nothing kept (right after a write): tab counts, the page's ids, its rows,
        // histories, audit lines, article choices; the tab's count is the page's total,
        // so no count of its own
        assertThat(firstPage).isEqualTo(few).isLessThanOrEqualTo(6);
        assertThat(lastPage).isEqualTo(firstPage);
        assertThat(onArticle).isEqualTo(fewOnArticle).isEqualTo(firstPage);
        // a search narrows the tab: one count more
        assertThat(searched).isEqualTo(firstPage + 1);
    }

    @Test
    void tabCountsHistoriesAndAuditLinesAreReadAgainOnlyAfterAWriteAndShowItAtOnce() {
        long ann = this.fixtures.held("Ann", "ann@example.com", "First from Ann");
        this.fixtures.held("Bo", "bo@example.com", "First from Bo");
        long cold = statementsFor("/moderation");
        long warm = statementsFor("/moderation");

        // kept since the last write: the tab counts, the histories, the audit lines
        assertThat(warm).isEqualTo(cold - 3);

        long again = this.fixtures.held("Ann", "ann@example.com", "Second from Ann");
        Document afterPost = page("/moderation");
        assertThat(afterPost.select(".tabs a").first().text()).isEqualTo("Pending 3 (3 comments)");
        assertThat(afterPost.getElementById("c" + ann).select(".queue-history").text()).contains("0 approved",
                "2 pending");

        this.fixtures.act(DeskAction.APPROVE, ann);
        Document approved = page("/moderation?status=approved");
        assertThat(approved.select(".tabs a").eachText()).startsWith("Pending 2 (2 comments)",
                "Approved 1 (1 comment)");
        assertThat(approved.getElementById("c" + ann).select(".queue-why").text()).startsWith("Approved by setup");
        assertThat(page("/moderation").getElementById("c" + again).select(".queue-history").text())
            .contains("1 approved", "1 pending");

        this.fixtures.act(DeskAction.SPAM, again);
        assertThat(page("/moderation").select(".tabs a").eachText()).startsWith("Pending 1 (1 comment)",
                "Approved 1 (1 comment)", "Spam 1 (1 comment)");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        assertThat(this.mvc.get().uri("/moderation").exchange()).hasStatus(HttpStatus.FOUND)
            .redirectedUrl().isEqualTo("/login");
        assertThat(this.mvc.get().uri("/moderation/log").exchange()).hasStatus(HttpStatus.FOUND)
            .redirectedUrl().isEqualTo("/login");
    }

    @Test
    void deskPagesHaveNoHtmlErrors() throws Exception {
        long parent = this.fixtures.approved("Parent", "parent@example.com", "A parent <i>with</i> markup");
        long reply = this.fixtures.heldReply(parent, "Ann", "ann@example.com", "A reply\n\nin two paragraphs");
        long spam = this.fixtures.spam("Bo", "bo@example.com", "Spam");
        this.fixtures.act(DeskAction.APPROVE, reply);
        this.fixtures.act(DeskAction.UNAPPROVE, reply);

        assertValid("pending", page("/moderation").outerHtml());
        assertValid("approved", page("/moderation?status=approved").outerHtml());
        assertValid("empty trash", page("/moderation?status=trash").outerHtml());
        assertValid("edit", page("/moderation/comments/" + reply + "/edit?status=pending").outerHtml());
        assertValid("reply", page("/moderation/comments/" + reply + "/reply?status=pending").outerHtml());
        assertValid("log", page("/moderation/log").outerHtml());
        MvcTestResult confirm = this.mvc.post()
            .uri("/moderation/comments/" + spam + "/delete")
            .param("version", Long.toString(this.fixtures.version(spam)))
            .param("status", "spam")
            .with(user("editor").roles("EDITOR"))
            .with(csrf())
            .exchange();
        assertValid("delete confirmation", DeskFixtures.body(confirm));
    }

    private long articleId() {
        return this.articles.findBySlug(DeskFixtures.SLUG).orElseThrow().getId();
    }

    /** The statements a page costs when nothing is kept: as right after a comment is written. */
    private long coldStatementsFor(String url) {
        this.events.publishEvent(Change.everything());
        return statementsFor(url);
    }

    private long statementsFor(String url) {
        Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        assertThat(get(url)).hasStatusOk();
        return statistics.getPrepareStatementCount();
    }

    private static List<String> actions(Document page, long id) {
        return page.getElementById("c" + id)
            .select(".queue-actions button[formaction]")
            .eachAttr("formaction")
            .stream()
            .map((action) -> action.substring(action.lastIndexOf('/') + 1))
            .toList();
    }

    private static List<Long> rowIds(Document page) {
        return page.select(".queue-item").eachAttr("id").stream().map((id) -> Long.parseLong(id.substring(1))).toList();
    }

    private Document page(String url) {
        MvcTestResult result = get(url);
        assertThat(result).as(url).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

    /** The page a link on a page leads to (its address already encoded). */
    private Document linkedPage(String href) {
        MvcTestResult result = this.mvc.get().uri(URI.create(href)).with(user("editor").roles("EDITOR")).exchange();
        assertThat(result).as(href).hasStatusOk();
        return Jsoup.parse(DeskFixtures.body(result));
    }

    private MvcTestResult get(String url) {
        return this.mvc.get().uri(url).with(user("editor").roles("EDITOR")).exchange();
    }

    private static void assertValid(String page, String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
        String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(report).as("Nu Html Checker report for %s", page).doesNotContain("Error:");
    }

}
