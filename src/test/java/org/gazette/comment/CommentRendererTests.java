package org.gazette.comment;

import java.util.HashSet;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CommentRenderer}.
 */
class CommentRendererTests {

    private static final Set<String> ALLOWED = Set.of("p", "br", "b", "i", "em", "strong", "a", "blockquote",
            "code", "q", "cite", "del");

    private static final String REL = "rel=\"nofollow ugc noopener\"";

    private final CommentRenderer renderer = new CommentRenderer();

    // paragraphs and line breaks

    @Test
    void rendersBlankLineSeparatedBlocksAsParagraphs() {
        assertThat(render("First.\n\nSecond.\n\n\n\nThird.")).isEqualTo("<p>First.</p><p>Second.</p><p>Third.</p>");
    }

    @Test
    void treatsLinesOfOnlySpacesAndTabsAsBlankLines() {
        assertThat(render("First.\n  \t\nSecond.")).isEqualTo("<p>First.</p><p>Second.</p>");
    }

    @Test
    void rendersSingleNewlinesAsLineBreaks() {
        assertThat(render("Roses are red,\nviolets are blue.")).isEqualTo("<p>Roses are red,<br>violets are blue.</p>");
    }

    @Test
    void rendersEmptyTextAsNothing() {
        assertThat(render("")).isEmpty();
    }

    @Test
    void writesNoNewlineCharacters() {
        assertThat(render("a\nb\n\n<blockquote>c\n\nd</blockquote>\n<code>e\n\nf</code>")).doesNotContain("\n");
    }

    // text shown as typed

    @Test
    void escapesCharactersThatHtmlWouldInterpret() {
        String html = render("if a < b && c > d say \"hi\"");

        assertThat(html).isEqualTo("<p>if a &lt; b &amp;&amp; c &gt; d say \"hi\"</p>");
        assertThat(textOf(html)).isEqualTo("if a < b && c > d say \"hi\"");
    }

    @Test
    void showsTypedEntitiesAsTyped() {
        String html = render("write &lt;b&gt; or &amp; or &#60;");

        assertThat(html).isEqualTo("<p>write &amp;lt;b&amp;gt; or &amp;amp; or &amp;#60;</p>");
        assertThat(textOf(html)).isEqualTo("write &lt;b&gt; or &amp; or &#60;");
    }

    @Test
    void keepsUnicodeText() {
        assertThat(render("Grüße, 東京 😀")).isEqualTo("<p>Grüße, 東京 😀</p>");
    }

    // links in text

    @Test
    void linksUrlsWithNofollowUgcNoopener() {
        assertThat(render("See https://example.com/news?id=1&page=2 now"))
            .isEqualTo("<p>See <a href=\"https://example.com/news?id=1&amp;page=2\" " + REL
                    + ">https://example.com/news?id=1&amp;page=2</a> now</p>");
    }

    @Test
    void linksPlainHttpUrls() {
        assertThat(render("http://example.com")).isEqualTo("<p><a href=\"http://example.com\" " + REL
                + ">http://example.com</a></p>");
    }

    @Test
    void linksWwwAddressesOverHttps() {
        assertThat(render("Visit www.example.com today"))
            .isEqualTo("<p>Visit <a href=\"https://www.example.com\" " + REL + ">www.example.com</a> today</p>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Read https://example.com/a.           | https://example.com/a | .",
        "Read https://example.com/a, then      | https://example.com/a | ,",
        "Read https://example.com/a!           | https://example.com/a | !",
        "Read https://example.com/a?           | https://example.com/a | ?",
        "Read https://example.com/a:           | https://example.com/a | :",
        "Read https://example.com/a;           | https://example.com/a | ;",
        "(see https://example.com/a)           | https://example.com/a | )",
        "(see https://example.com/a).          | https://example.com/a | ).",
        "`'https://example.com/a'`             | https://example.com/a | '",
        "Read https://example.com/a?!...       | https://example.com/a | ?!...",
        "[https://example.com/a]               | https://example.com/a | ]",
    })
    void keepsTrailingPunctuationOutOfLinks(String text, String url, String after) {
        assertThat(render(text)).contains(">" + url + "</a>" + after);
    }

    @Test
    void keepsBalancedParenthesesInLinks() {
        assertThat(render("(see https://en.wikipedia.org/wiki/Bell_(band))"))
            .contains(">https://en.wikipedia.org/wiki/Bell_(band)</a>)");
    }

    @Test
    void keepsQueryAndFragmentInLinks() {
        assertThat(render("https://example.com/a?b=c#d.")).contains(">https://example.com/a?b=c#d</a>.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://", "https://.", "www.", "www..", "xhttps://example.com", "mail@www.example.com",
            "ftp://example.com", "example.com" })
    void doesNotLinkTextThatIsNotAWebAddress(String text) {
        assertThat(render(text)).doesNotContain("<a");
    }

    @Test
    void endsLinksAtQuotesAndAngleBrackets() {
        String html = render("https://example.com/\"onmouseover=\"alert(1) https://example.com/<img src=x>");

        assertThat(html).contains("href=\"https://example.com/\" " + REL + ">https://example.com/</a>\"onmouseover")
            .contains("href=\"https://example.com/\" " + REL + ">https://example.com/</a>&lt;img");
        assertSafe(html);
    }

    // allowed markup

    @ParameterizedTest
    @ValueSource(strings = { "b", "i", "em", "strong", "code", "q", "cite", "del" })
    void honoursAllowedInlineTags(String tag) {
        assertThat(render("a <" + tag + ">word</" + tag + "> b"))
            .isEqualTo("<p>a <" + tag + ">word</" + tag + "> b</p>");
    }

    @Test
    void honoursAllowedTagsWrittenInAnyCase() {
        assertThat(render("<B>bold</B> <Em>em</eM>")).isEqualTo("<p><b>bold</b> <em>em</em></p>");
    }

    @Test
    void honoursBlockquoteAsContainerOfParagraphs() {
        assertThat(render("<blockquote>They said\nthis.\n\nAnd that.</blockquote>\nI disagree."))
            .isEqualTo("<blockquote><p>They said<br>this.</p><p>And that.</p></blockquote><p>I disagree.</p>");
    }

    @Test
    void nestsBlockquotes() {
        assertThat(render("<blockquote><blockquote>a</blockquote>b</blockquote>"))
            .isEqualTo("<blockquote><blockquote><p>a</p></blockquote><p>b</p></blockquote>");
    }

    @Test
    void closesBlockquoteLeftOpenAtEndOfComment() {
        assertThat(render("<blockquote>quoted\n\nstill quoted"))
            .isEqualTo("<blockquote><p>quoted</p><p>still quoted</p></blockquote>");
    }

    @Test
    void addsRelToCommenterLinks() {
        assertThat(render("<a href=\"https://ok.example/page\">a page</a>"))
            .isEqualTo("<p><a href=\"https://ok.example/page\" " + REL + ">a page</a></p>");
    }

    @Test
    void acceptsSingleQuotedHref() {
        assertThat(render("<a href='http://ok.example/'>x</a>"))
            .isEqualTo("<p><a href=\"http://ok.example/\" " + REL + ">x</a></p>");
    }

    @Test
    void decodesEntitiesInCommenterHref() {
        assertThat(render("<a href=\"https://ok.example/?a=1&amp;b=2\">x</a>"))
            .isEqualTo("<p><a href=\"https://ok.example/?a=1&amp;b=2\" " + REL + ">x</a></p>");
    }

    @ParameterizedTest
    @ValueSource(strings = { "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "/relative/path",
            "page.html", "//evil.example/x", "mailto:a@example.com", "", "https://", "https:// example.com" })
    void unwrapsCommenterLinkWithoutAbsoluteHttpHref(String href) {
        assertThat(render("<a href=\"" + href + "\">click</a> me")).isEqualTo("<p>click me</p>");
    }

    @Test
    void unwrapsCommenterLinkWithoutHref() {
        assertThat(render("<a>click</a> me")).isEqualTo("<p>click me</p>");
    }

    @Test
    void doesNotLinkUrlsInsideCommenterLink() {
        assertThat(render("<a href=\"https://ok.example\">https://other.example</a>"))
            .isEqualTo("<p><a href=\"https://ok.example\" " + REL + ">https://other.example</a></p>");
    }

    @Test
    void showsCommenterLinkInsideCommenterLinkAsText() {
        assertThat(render("<a href=\"https://a.example\">a <a href=\"https://b.example\">b</a></a>"))
            .isEqualTo("<p><a href=\"https://a.example\" " + REL
                    + ">a &lt;a href=\"https://b.example\"&gt;b</a>&lt;/a&gt;</p>");
    }

    @Test
    void doesNotLinkUrlsInsideCode() {
        assertThat(render("<code>curl https://example.com</code>"))
            .isEqualTo("<p><code>curl https://example.com</code></p>");
    }

    @Test
    void showsMarkupInsideCodeAsTyped() {
        assertThat(render("Use <code><b>bold</b></code> for bold."))
            .isEqualTo("<p>Use <code>&lt;b&gt;bold&lt;/b&gt;</code> for bold.</p>");
    }

    @Test
    void continuesCodeAcrossBlankLines() {
        assertThat(render("<code>int a;\n\n<b>int b;</b></code> done"))
            .isEqualTo("<p><code>int a;</code></p><p><code>&lt;b&gt;int b;&lt;/b&gt;</code> done</p>");
    }

    // markup shown as literal text

    @Test
    void showsScriptTagAsLiteralText() {
        String html = render("<script>alert(1)</script>");

        assertThat(html).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(textOf(html)).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void showsImgTagAsLiteralText() {
        String html = render("<img src=x onerror=alert(1)>");

        assertThat(html).isEqualTo("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
        assertThat(textOf(html)).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void showsAllowedTagWithAttributesAsLiteralText() {
        String html = render("<b onclick=alert(1)>x</b>");

        assertThat(html).isEqualTo("<p>&lt;b onclick=alert(1)&gt;x&lt;/b&gt;</p>");
        assertSafe(html);
    }

    @Test
    void showsCommenterLinkWithOtherAttributesAsLiteralText() {
        String html = render("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>");

        assertThat(textOf(html)).isEqualTo("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>");
        assertSafe(html);
    }

    @ParameterizedTest
    @ValueSource(strings = { "<div>x</div>", "<p>x</p>", "<span>x</span>", "<br>", "<br/>", "<b/>", "<u>x</u>",
            "<h1>x</h1>", "<pre>x</pre>", "<!-- note -->", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>",
            "<![CDATA[x]]>", "</p>", "<b", "<a href=\"https://ok.example\"", "< b>x", "<a href=x>y" })
    void showsOtherMarkupAsLiteralText(String markup) {
        String html = render(markup);

        assertThat(textOf(html)).isEqualTo(markup);
        assertThat(elementsOf(html)).isSubsetOf("p", "a");
        assertSafe(html);
    }

    // well-formed output

    @Test
    void closesTagsLeftOpenAtEndOfParagraph() {
        assertThat(render("<b><i>bold italic\n\nplain")).isEqualTo("<p><b><i>bold italic</i></b></p><p>plain</p>");
    }

    @Test
    void reopensElementsClosedByMisnestedTag() {
        assertThat(render("<b><i>x</b>y</i>")).isEqualTo("<p><b><i>x</i></b><i>y</i></p>");
    }

    @Test
    void keepsUnbalancedTagsWellFormed() {
        String html = render("<b><i>x</b>");

        assertThat(html).isEqualTo("<p><b><i>x</i></b></p>");
        assertWellFormed(html);
    }

    @Test
    void showsClosingTagWithNothingToCloseAsText() {
        assertThat(render("x</b></blockquote>")).isEqualTo("<p>x&lt;/b&gt;&lt;/blockquote&gt;</p>");
    }

    @Test
    void ignoresEmptyElements() {
        assertThat(render("<b></b>a<i></i>\n\n<del>\n</del>")).isEqualTo("<p>a</p>");
    }

    @Test
    void showsNestingBeyondLimitAsText() {
        String text = "<b>".repeat(CommentRenderer.MAX_NESTING + 1) + "x";

        assertThat(render(text)).isEqualTo("<p>" + "<b>".repeat(CommentRenderer.MAX_NESTING) + "&lt;b&gt;x"
                + "</b>".repeat(CommentRenderer.MAX_NESTING) + "</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = { "<b><i>x</b>", "<b>a<i>b<em>c</b>d</i>e</em>", "<blockquote><b>a\n\nb</blockquote></b>",
            "<b><blockquote>a</b>b", "<a href=\"https://ok.example\"><b>x</a>y</b>", "</code><code>x",
            "<q><cite>x</q></cite>", "<del>\n\n</del>x", "a\n<blockquote>\nb\n</blockquote>\nc",
            "<code>https://a.example</code> https://b.example" })
    void producesWellFormedHtml(String text) {
        String html = render(text);

        assertWellFormed(html);
        assertSafe(html);
    }

    @Test
    void rendersLongComment() {
        String text = ("Some <b>bold</b> text with https://example.com/a-link, <a href=\"https://ok.example\">a link"
                + "</a> &amp; <script>x</script> <i>open\n").repeat(80) + "<b>".repeat(2000) + "(((((".repeat(200);
        text = text.substring(0, 10_000);

        String html = render(text);

        assertWellFormed(html);
        assertSafe(html);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\n", "\n ", "\n\n", "a\n", "<", "<b>", "<a href=\"", "https://", "www.", "(", ")", "&" })
    void rendersLongRunsOfOneToken(String token) {
        String html = render("https://example.com/" + token.repeat(10_000 / token.length()) + "x");

        assertWellFormed(html);
        assertSafe(html);
    }

    // classic XSS vectors

    @ParameterizedTest
    @ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
            "'><svg onload=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>", "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"&#x6A;avascript:alert(1)\">x</a>", "<a href=\"java\u0000script:alert(1)\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<a href=\"//evil.example\">x</a>",
            "<a href=\"https://ok.example\"onmouseover=\"alert(1)\">x</a>",
            "<a href=\"https://ok.example/&quot; onmouseover=&quot;alert(1)\">x</a>",
            "<a href='https://ok.example' onfocus=alert(1) autofocus>x</a>",
            "<a href=\"https://ok.example\"><img src=x onerror=alert(1)></a>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<!--<img src=x onerror=alert(1)>-->", "<style>@import 'javascript:alert(1)';</style>",
            "<body onload=alert(1)>", "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "\u003cscript\u003ealert(1)\u003c/script\u003e", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
            "<<script>script>alert(1)<</script>/script>", "<scr<script>ipt>alert(1)</script>",
            "<object data=\"javascript:alert(1)\"></object>", "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>", "<input onfocus=alert(1) autofocus>",
            "<details open ontoggle=alert(1)>", "<b onmouseover=alert(1)>x</b>", "<code><script>alert(1)</script>",
            "<blockquote><img src=x onerror=alert(1)></blockquote>", "<q><svg/onload=alert(1)>",
            "https://ok.example/\"onmouseover=\"alert(1)", "www.ok.example/'onmouseover='alert(1)'",
            "<a href=\"https://ok.example/?q=<script>\">x</a>", "<template><script>alert(1)</script></template>",
            "<xmp><img src=x onerror=alert(1)></xmp>", "<a href=\"https://ok.example\">x<a href=\"javascript:1\">y" })
    void neutralisesClassicXssVector(String vector) {
        String html = render(vector);

        assertSafe(html);
        assertWellFormed(html);
    }

    @Test
    void neutralisesJavascriptHrefWithoutTrace() {
        assertThat(render("<a href=\"javascript:alert(1)\">x</a>")).isEqualTo("<p>x</p>").doesNotContain("javascript:");
    }

    // the cache of rendered texts

    @Test
    void rendersATextShownAgainFromTheCache() {
        String text = "Seen <em>twice</em>: www.example.com";
        String first = this.renderer.toHtml(text);

        assertThat(this.renderer.toHtml(new String(text.toCharArray()))).isSameAs(first);
        assertThat(new CommentRenderer(0).toHtml(text)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void anEditedTextIsRenderedAfreshNeverFromTheOriginalsEntry() {
        String original = "Teh talks resume on <b>Monday</b>.";
        String edited = "The talks resume on <b>Monday</b>.";
        assertThat(this.renderer.toHtml(original)).isEqualTo("<p>Teh talks resume on <b>Monday</b>.</p>");

        assertThat(this.renderer.toHtml(edited)).isEqualTo("<p>The talks resume on <b>Monday</b>.</p>");
        assertThat(this.renderer.toHtml(original)).isEqualTo("<p>Teh talks resume on <b>Monday</b>.</p>");
    }

    @Test
    void keepsNoMoreThanItsBoundOfCharacters() {
        CommentRenderer small = new CommentRenderer(2_000);
        for (int i = 0; i < 500; i++) {
            String text = "Comment number " + i + " with some words in it.";
            assertThat(small.toHtml(text)).isEqualTo("<p>" + text + "</p>");
        }
        // each entry weighs at least 70 characters (text and HTML)
        assertThat(small.cachedTexts()).isPositive().isLessThanOrEqualTo(2_000 / 70);
    }

    private String render(String text) {
        return this.renderer.toHtml(text);
    }

    private static String textOf(String html) {
        return Jsoup.parseBodyFragment(html).body().text();
    }

    private static Set<String> elementsOf(String html) {
        Set<String> names = new HashSet<>();
        Jsoup.parseBodyFragment(html).body().getAllElements().forEach((element) -> names.add(element.normalName()));
        names.remove("body");
        return names;
    }

    private static void assertSafe(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            assertThat(ALLOWED).as("element in %s", html).contains(element.normalName());
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("attribute in %s", html).doesNotStartWithIgnoringCase("on");
                assertThat(attribute.getKey()).as("attribute in %s", html).isIn("href", "rel");
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    assertThat(attribute.getValue()).as("URL in %s", html).matches("(?i)^https?://.+");
                }
            }
            if (element.normalName().equals("a") && element.hasAttr("href")) {
                assertThat(element.attr("rel")).isEqualTo("nofollow ugc noopener");
            }
        }
    }

    private static void assertWellFormed(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        assertThat(document.body().html()).isEqualTo(html);
    }

}
