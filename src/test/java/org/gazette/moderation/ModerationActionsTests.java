package org.gazette.moderation;

import java.util.List;
import java.util.stream.Stream;

import org.gazette.comment.CommentService;
import org.gazette.comment.CommentStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gazette.editor.EditorSecurityConfiguration.SESSION_COOKIE;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The queue's actions through the whole stack: each one on a row and in bulk, the
 * redirect back to the same place with a notice, the audit line, the confirmation
 * before a permanent delete, conflicts between editors, and the guards (CSRF, sign-in,
 * malformed forms).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ModerationActionsTests {

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

    static Stream<Arguments> rowActions() {
        CommentStatus p = CommentStatus.PENDING;
        CommentStatus a = CommentStatus.APPROVED;
        CommentStatus s = CommentStatus.SPAM;
        CommentStatus t = CommentStatus.TRASH;
        return Stream.of(arguments("approve", p, a, "Comment approved"),
                arguments("unapprove", a, p, "Comment unapproved: it is back in Pending"),
                arguments("spam", p, s, "Comment marked as spam"), arguments("spam", a, s, "Comment marked as spam"),
                arguments("not-spam", s, p, "Comment marked as not spam: it is back in Pending"),
                arguments("trash", p, t, "Comment moved to Trash"), arguments("trash", a, t, "Comment moved to Trash"),
                arguments("trash", s, t, "Comment moved to Trash"), arguments("restore", t, p, "Comment restored"));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("rowActions")
    void rowActionMovesTheCommentLogsItAndComesBackToTheSamePlaceWithANotice(String action, CommentStatus from,
            CommentStatus to, String notice) {
        long id = commentIn(from);
        int linesBefore = this.fixtures.log().size();

        MvcTestResult result = post("/moderation/comments/" + id + "/" + action, "version",
                version(id), "status", from.key(), "q", "ann & co", "sort", "newest");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
            .redirectedUrl()
            .isEqualTo("/moderation?status=" + from.key() + "&q=ann+%26+co&sort=newest");
        assertThat(notice(result).lines()).containsExactly(notice);
        assertThat(notice(result).level()).isEqualTo("success");
        assertThat(this.fixtures.status(id)).isEqualTo(to);
        assertThat(this.fixtures.log()).hasSize(linesBefore + 1)
            .last()
            .isEqualTo("editor " + DeskAction.fromKey(action).orElseThrow().audit() + " " + id + " " + from + "->"
                    + to);
    }

    @Test
    void theNoticeShowsOnThePageTheEditorComesBackTo() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");
        MvcTestResult result = post("/moderation/comments/" + id + "/approve", "version", version(id), "status",
                "pending");

        Document page = Jsoup.parse(DeskFixtures.body(this.mvc.get()
            .uri(result.getResponse().getRedirectedUrl())
            .with(user("editor").roles("EDITOR"))
            .cookie(result.getResponse().getCookie(SESSION_COOKIE))
            .exchange()));

        assertThat(page.select(".notice-success[role=status]").text()).isEqualTo("Comment approved");
    }

    @Test
    void restoreTakesACommentBackToTheStatusItWasTrashedFrom() {
        long spam = this.fixtures.spam("Bo", "bo@example.com", "Spam");
        long approved = this.fixtures.approved("Cy", "cy@example.com", "Approved");
        this.fixtures.act(DeskAction.TRASH, spam);
        this.fixtures.act(DeskAction.TRASH, approved);

        post("/moderation/comments/bulk", "action", "restore", "selected", token(spam), "selected", token(approved),
                "status", "trash");

        assertThat(this.fixtures.status(spam)).isEqualTo(CommentStatus.SPAM);
        assertThat(this.fixtures.status(approved)).isEqualTo(CommentStatus.APPROVED);
        assertThat(this.fixtures.log()).contains("editor RESTORE " + spam + " TRASH->SPAM",
                "editor RESTORE " + approved + " TRASH->APPROVED");
    }

    @Test
    void bulkActionAppliesToEverySelectedCommentAndCountsThem() {
        long one = this.fixtures.held("Ann", "ann@example.com", "One");
        long two = this.fixtures.held("Bo", "bo@example.com", "Two");
        long three = this.fixtures.held("Cy", "cy@example.com", "Three");
        long untouched = this.fixtures.held("Di", "di@example.com", "Four");

        MvcTestResult result = post("/moderation/comments/bulk", "action", "approve", "selected", token(one),
                "selected", token(two), "selected", token(three), "status", "pending", "page", "1");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo("/moderation?status=pending");
        assertThat(notice(result).lines()).containsExactly("3 comments approved");
        assertThat(List.of(one, two, three)).allSatisfy(
                (id) -> assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.APPROVED));
        assertThat(this.fixtures.status(untouched)).isEqualTo(CommentStatus.PENDING);
        assertThat(this.fixtures.log()).filteredOn((line) -> line.startsWith("editor APPROVE")).hasSize(3);
    }

    @Test
    void bulkWithoutAnActionOrASelectionSaysWhatIsMissing() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");

        MvcTestResult noAction = post("/moderation/comments/bulk", "action", "", "selected", token(id), "status",
                "pending");
        MvcTestResult noSelection = post("/moderation/comments/bulk", "action", "spam", "status", "pending");

        assertThat(notice(noAction).lines())
            .containsExactly("Choose an action to apply to the selected comments.");
        assertThat(notice(noSelection).lines()).containsExactly("Select at least one comment, then choose Apply.");
        assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void deletePermanentlyFirstAsksForConfirmationThenDeletesAndLogsIt() {
        long id = this.fixtures.spam("Spammer", "spam@example.com", "Buy cheap watches");

        MvcTestResult ask = post("/moderation/comments/" + id + "/delete", "version", version(id), "status", "spam");

        assertThat(ask).hasStatusOk();
        Document confirm = Jsoup.parse(DeskFixtures.body(ask));
        assertThat(confirm.select("h1").text()).isEqualTo("Delete this comment permanently?");
        assertThat(confirm.select(".queue-text").text()).isEqualTo("Buy cheap watches");
        assertThat(confirm.select("form input[name=selected]").val()).isEqualTo(token(id));
        assertThat(confirm.select("form input[name=confirmed]").val()).isEqualTo("true");
        assertThat(this.fixtures.exists(id)).isTrue();

        MvcTestResult done = post("/moderation/comments/bulk", "action", "delete", "confirmed", "true", "selected",
                token(id), "status", "spam");

        assertThat(notice(done).lines()).containsExactly("Comment deleted permanently");
        assertThat(this.fixtures.exists(id)).isFalse();
        assertThat(this.fixtures.log()).last().isEqualTo("editor DELETE " + id + " SPAM->null");
    }

    @Test
    void aConfirmedRowDeleteSkipsTheConfirmationPage() {
        long id = this.fixtures.trashed("Ann", "ann@example.com", "Trashed");

        MvcTestResult result = post("/moderation/comments/" + id + "/delete", "version", version(id), "confirmed",
                "true", "status", "trash");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(this.fixtures.exists(id)).isFalse();
    }

    @Test
    void bulkDeleteAsksOnceForAllSelectedComments() {
        long one = this.fixtures.spam("Ann", "ann@example.com", "One");
        long two = this.fixtures.spam("Bo", "bo@example.com", "Two");

        MvcTestResult ask = post("/moderation/comments/bulk", "action", "delete", "selected", token(one), "selected",
                token(two), "status", "spam");

        Document confirm = Jsoup.parse(DeskFixtures.body(ask));
        assertThat(confirm.select("h1").text()).isEqualTo("Delete 2 comments permanently?");
        assertThat(confirm.select("form input[name=selected]").eachAttr("value")).containsExactly(token(one),
                token(two));
        assertThat(this.fixtures.exists(one)).isTrue();
    }

    @Test
    void deletePermanentlyIsRefusedOutsideSpamAndTrash() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");

        MvcTestResult result = post("/moderation/comments/" + id + "/delete", "version", version(id), "confirmed",
                "true", "status", "pending");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(notice(result).level()).isEqualTo("error");
        assertThat(notice(result).items()).extracting(DeskNotice.Item::text)
            .containsExactly("The comment by Ann is in Pending, where that action does not apply.");
        assertThat(this.fixtures.exists(id)).isTrue();
    }

    @Test
    void aCommentWithRepliesIsNotDeletedButItsWholeRemovedThreadCanBe() {
        long parent = this.fixtures.approved("Parent", "parent@example.com", "Parent");
        long reply = this.fixtures.heldReply(parent, "Child", "child@example.com", "Child");
        this.fixtures.act(DeskAction.TRASH, parent);
        this.fixtures.act(DeskAction.TRASH, reply);

        MvcTestResult refused = post("/moderation/comments/" + parent + "/delete", "version", version(parent),
                "confirmed", "true", "status", "trash");

        assertThat(this.fixtures.exists(parent)).isTrue();
        assertThat(notice(refused).items()).extracting(DeskNotice.Item::text)
            .singleElement()
            .asString()
            .startsWith("The comment by Parent has replies, so it was not deleted");

        MvcTestResult both = post("/moderation/comments/bulk", "action", "delete", "confirmed", "true", "selected",
                token(parent), "selected", token(reply), "status", "trash");

        assertThat(notice(both).lines()).containsExactly("2 comments deleted permanently");
        assertThat(this.fixtures.exists(parent)).isFalse();
        assertThat(this.fixtures.exists(reply)).isFalse();
    }

    @Test
    void anActionOnAVersionAnotherEditorHasMovedOnFromChangesNothingAndShowsWhereItStands() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");
        long seen = this.fixtures.version(id);
        this.moderation.apply("maria", DeskAction.APPROVE, List.of(new CommentRef(id, seen)));

        MvcTestResult result = post("/moderation/comments/" + id + "/spam", "version", Long.toString(seen),
                "status", "pending");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        DeskNotice notice = notice(result);
        assertThat(notice.level()).isEqualTo("error");
        assertThat(notice.lines()).containsExactly("This comment was changed by another editor.",
                "Nothing was done to it. Here is where it stands now:");
        assertThat(notice.items()).containsExactly(new DeskNotice.Item(
                "The comment by Ann is now in Approved. maria approved it.", "/moderation/comments/" + id));
        assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.APPROVED);
        assertThat(this.fixtures.log()).noneMatch((line) -> line.startsWith("editor "));
    }

    @Test
    void aStaleRowInABulkActionIsLeftAloneAndTheOthersAreDone() {
        long one = this.fixtures.held("Ann", "ann@example.com", "One");
        long two = this.fixtures.held("Bo", "bo@example.com", "Two");
        long three = this.fixtures.held("Cy", "cy@example.com", "Three");
        String staleTwo = token(two);
        this.fixtures.act(DeskAction.TRASH, two);

        MvcTestResult result = post("/moderation/comments/bulk", "action", "spam", "selected", token(one),
                "selected", staleTwo, "selected", token(three), "status", "pending");

        DeskNotice notice = notice(result);
        assertThat(notice.level()).isEqualTo("warning");
        assertThat(notice.lines()).startsWith("2 comments marked as spam", "This comment was changed by another editor.");
        assertThat(notice.items()).extracting(DeskNotice.Item::text)
            .containsExactly("The comment by Bo is now in Trash. setup moved it to Trash.");
        assertThat(this.fixtures.status(one)).isEqualTo(CommentStatus.SPAM);
        assertThat(this.fixtures.status(two)).isEqualTo(CommentStatus.TRASH);
        assertThat(this.fixtures.status(three)).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void aCommentAnotherEditorDeletedIsReportedAsGone() {
        long id = this.fixtures.spam("Ann", "ann@example.com", "Spam");
        String seen = token(id);
        this.moderation.apply("maria", DeskAction.DELETE, List.of(this.fixtures.ref(id)));

        MvcTestResult result = post("/moderation/comments/bulk", "action", "not-spam", "selected", seen, "status",
                "spam");

        assertThat(notice(result).items()).containsExactly(
                new DeskNotice.Item("Comment #" + id + " no longer exists. maria deleted it permanently.", null));
    }

    @Test
    void anActionTheStatusDoesNotAllowIsRefusedWithANoticeNotAnError() {
        long id = this.fixtures.approved("Ann", "ann@example.com", "Approved");

        MvcTestResult result = post("/moderation/comments/" + id + "/approve", "version", version(id), "status",
                "approved");

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER);
        assertThat(notice(result).items()).extracting(DeskNotice.Item::text)
            .containsExactly("The comment by Ann is in Approved, where that action does not apply.");
    }

    @Test
    void whenTheLastRowOfAPageGoesTheEditorLandsOnTheLastPageLeft() {
        long last = 0;
        for (int i = 1; i <= 21; i++) {
            last = this.fixtures.held("Reader " + i, "reader" + i + "@example.com", "Comment " + i);
        }

        MvcTestResult result = post("/moderation/comments/" + last + "/approve", "version", version(last), "status",
                "pending", "page", "2");

        assertThat(result).redirectedUrl().isEqualTo("/moderation?status=pending");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbiddenAndChangesNothing() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");

        MvcTestResult result = this.mvc.post()
            .uri("/moderation/comments/" + id + "/approve")
            .param("version", version(id))
            .with(user("editor").roles("EDITOR"))
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.mvc.post()
            .uri("/moderation/comments/bulk")
            .param("action", "approve")
            .param("selected", token(id))
            .with(user("editor").roles("EDITOR"))
            .exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void anAnonymousPostIsSentToSignInAndChangesNothing() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");

        MvcTestResult result = this.mvc.post()
            .uri("/moderation/comments/" + id + "/approve")
            .param("version", version(id))
            .with(csrf())
            .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/login");
        assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void malformedActionFormsAreRefusedWithoutAServerError() {
        long id = this.fixtures.held("Ann", "ann@example.com", "Held");

        assertThat(post("/moderation/comments/" + id + "/approve", "version", "abc")).hasStatus(
                HttpStatus.BAD_REQUEST);
        assertThat(post("/moderation/comments/" + id + "/approve")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post("/moderation/comments/" + id + "/publish", "version", version(id))).hasStatus(
                HttpStatus.NOT_FOUND);
        assertThat(post("/moderation/comments/x1/approve", "version", version(id))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/moderation/comments/bulk", "action", "approve", "selected", "12")).hasStatus(
                HttpStatus.BAD_REQUEST);
        assertThat(post("/moderation/comments/bulk", "action", "fly", "selected", token(id))).hasStatus(
                HttpStatus.BAD_REQUEST);
        assertThat(post("/moderation/comments/" + id + "/approve", "version", version(id), "status", "nowhere"))
            .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(this.fixtures.status(id)).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void aCommentLinkOpensItsTabWithTheCommentSingledOut() {
        long spam = this.fixtures.spam("Ann", "ann@example.com", "Spam");
        this.fixtures.held("Bo", "bo@example.com", "Held");

        MvcTestResult result = this.mvc.get()
            .uri("/moderation/comments/" + spam)
            .with(user("editor").roles("EDITOR"))
            .exchange();

        assertThat(result).hasStatus(HttpStatus.SEE_OTHER)
            .redirectedUrl()
            .isEqualTo("/moderation?status=spam&comment=" + spam);
        assertThat(this.mvc.get().uri("/moderation/comments/999999").with(user("editor").roles("EDITOR")).exchange())
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    private long commentIn(CommentStatus status) {
        return switch (status) {
            case PENDING -> this.fixtures.held("Ann", "ann@example.com", "Some text");
            case APPROVED -> this.fixtures.approved("Ann", "ann@example.com", "Some text");
            case SPAM -> this.fixtures.spam("Ann", "ann@example.com", "Some text");
            case TRASH -> this.fixtures.trashed("Ann", "ann@example.com", "Some text");
        };
    }

    private String version(long id) {
        return Long.toString(this.fixtures.version(id));
    }

    private String token(long id) {
        return this.fixtures.ref(id).token();
    }

    private static DeskNotice notice(MvcTestResult result) {
        return (DeskNotice) result.getMvcResult().getFlashMap().get(ModerationController.NOTICE);
    }

    private MvcTestResult post(String url, String... params) {
        var request = this.mvc.post().uri(url).with(user("editor").roles("EDITOR")).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

}
