package org.gazette.exchange;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes the comments of a made-up but lifelike discussion for the benchmark: readers
 * drawn from a fixed pool (some with a website), texts of 100 to 600 characters in one
 * to three paragraphs, now and then with a link, a quotation or a word of the allowed
 * markup, and never the same text twice. The same seed gives the same discussion. JDK
 * only, so that the benchmark runs it from the compiled test classes.
 */
final class DiscussionGenerator {

    static final int MIN_LENGTH = 100;

    static final int MAX_LENGTH = 600;

    private static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Chloé", "David", "Elena", "Farid",
            "Grace", "Hiroshi", "Ines", "Jonas", "Kateryna", "Liam", "Maya", "Nikolai", "Olga", "Pierre", "Quinn",
            "Rosa", "Samir", "Tamsin", "Ursula", "Viktor", "Wen", "Xavier", "Yusuf", "Zofia", "Marta", "Oskar",
            "Leila", "Tomás");

    private static final List<String> LAST_NAMES = List.of("Novak", "Okafor", "Dubois", "Kowalski", "Lindqvist",
            "Moreau", "Nakamura", "O'Brien", "Petrov", "Quintana", "Rossi", "Schmidt", "Tremblay", "Usman", "Varga",
            "Walker", "Young", "Zimmermann", "Bergström", "Côté");

    private static final List<String> OPENINGS = List.of("I think", "Honestly,", "As someone who lived in Kyiv,",
            "Let's be clear:", "With respect,", "It seems to me that", "My grandfather always said", "Frankly,",
            "The article misses that", "Good reporting, but", "People forget that", "Hard to disagree:",
            "From what I read elsewhere,", "Not sure about this, but", "Worth remembering that");

    private static final List<String> SUBJECTS = List.of("NATO", "the alliance", "Moscow", "the Kremlin",
            "Stoltenberg", "Ukraine", "the talks in Brussels", "the sanctions", "Europe", "the Baltic states",
            "Washington", "the diplomats", "the troops at the border", "Germany", "the OSCE", "the gas pipeline",
            "public opinion", "the security guarantees", "the negotiators", "this government");

    private static final List<String> VERBS = List.of("cannot afford to ignore", "has underestimated",
            "will have to answer for", "keeps talking past", "is quietly preparing for", "should stop pretending about",
            "has been clear about", "may well regret", "is running out of patience with", "never really understood",
            "will not back down on", "is playing for time with", "has every reason to fear",
            "is right to worry about");

    private static final List<String> OBJECTS = List.of("a new war in Europe", "the open door policy",
            "the demands on the table", "the risk of miscalculation", "the reports from Donbas", "energy prices",
            "the lessons of 2014", "the people who actually live there", "the next round of talks",
            "what deterrence means", "the equipment that never arrived", "a frozen conflict", "the winter ahead",
            "the smaller members", "the cost of doing nothing");

    private static final List<String> CLOSINGS = List.of("That is the real story here.", "Time will tell.",
            "We have seen this before.", "Nobody wins a war like this.", "I hope I am wrong.",
            "Thanks for the clear report.", "Read the whole speech, it is worth it.", "What happens next matters.",
            "Diplomacy is slow, but it is all we have.", "Let's not pretend otherwise.");

    private static final List<String> ASIDES = List.of("frankly", "of course", "once again", "as usual",
            "to be fair", "in my view", "if anything", "at least for now");

    private static final List<String> LINKS = List.of("https://www.nato.int/cps/en/natohq/news.htm",
            "https://example.org/analysis/russia-nato-talks", "http://example.com/timeline-2014",
            "https://en.wikipedia.org/wiki/Minsk_agreements");

    private final Random random;

    private final int readers;

    private final Set<String> written = new HashSet<>();

    /**
     * @param seed the seed of the discussion
     * @param readers how many different readers take part
     */
    DiscussionGenerator(long seed, int readers) {
        if (readers < 1) {
            throw new IllegalArgumentException("at least one reader takes part");
        }
        this.random = new Random(seed);
        this.readers = readers;
    }

    /** Whether the next comment answers another one (about 30% do). */
    boolean nextIsReply() {
        return this.random.nextInt(100) < 30;
    }

    /** Picks one of the given choices, the later ones (the newer comments) more often. */
    <T> T pickRecent(List<T> choices) {
        int size = choices.size();
        int window = Math.min(size, 40);
        if (this.random.nextInt(4) == 0) {
            return choices.get(this.random.nextInt(size));
        }
        return choices.get(size - 1 - this.random.nextInt(window));
    }

    /** The next comment: a reader from the pool and a new text. */
    Written next() {
        int reader = this.random.nextInt(this.readers);
        String first = FIRST_NAMES.get(reader % FIRST_NAMES.size());
        String last = LAST_NAMES.get((reader / FIRST_NAMES.size()) % LAST_NAMES.size());
        String email = (first + "." + last).toLowerCase(Locale.ROOT)
            .replace("'", "")
            .replace('é', 'e')
            .replace('ö', 'o')
            .replace('ô', 'o')
            .replace('á', 'a') + "." + reader + "@example.com";
        String website = (reader % 5 == 0) ? "https://example.net/~reader" + reader : null;
        return new Written(first + " " + last, email, website, nextText());
    }

    /** A text of 100 to 600 characters never written before by this generator. */
    String nextText() {
        String text;
        do {
            text = compose(MIN_LENGTH + this.random.nextInt(MAX_LENGTH - MIN_LENGTH + 1));
        }
        while (!this.written.add(text));
        return text;
    }

    private String compose(int target) {
        StringBuilder text = new StringBuilder(target + 120);
        text.append(sentence(true));
        boolean linked = false;
        while (text.length() < target) {
            int kind = this.random.nextInt(100);
            if (kind < 12) {
                text.append("\n\n");
            }
            else {
                text.append(' ');
            }
            if (kind >= 95 && !linked) {
                text.append("More here: ").append(LINKS.get(this.random.nextInt(LINKS.size()))).append(' ');
                linked = true;
            }
            else if (kind >= 90 && kind < 93) {
                text.append("<blockquote>").append(sentence(false)).append("</blockquote>");
                continue;
            }
            text.append(sentence(kind < 50));
        }
        return fit(text.toString());
    }

    /** Cuts the text back to at most 600 characters at a word, keeping the markup whole. */
    private static String fit(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        String head = text.substring(0, cut);
        int open = head.lastIndexOf("<blockquote>");
        if (open > head.lastIndexOf("</blockquote>")) {
            head = head.substring(0, open);
        }
        int link = head.lastIndexOf("http");
        if (link >= 0 && head.indexOf(' ', link) < 0) {
            head = head.substring(0, link);
        }
        head = head.strip();
        while (!head.isEmpty() && !Character.isLetterOrDigit(head.charAt(head.length() - 1))
                && !head.endsWith(">")) {
            head = head.substring(0, head.length() - 1);
        }
        return head.endsWith(">") ? head : head + "…";
    }

    private String sentence(boolean opening) {
        StringBuilder sentence = new StringBuilder();
        String subject = SUBJECTS.get(this.random.nextInt(SUBJECTS.size()));
        if (opening) {
            sentence.append(OPENINGS.get(this.random.nextInt(OPENINGS.size()))).append(' ').append(subject);
        }
        else {
            sentence.append(Character.toUpperCase(subject.charAt(0))).append(subject, 1, subject.length());
        }
        if (this.random.nextInt(4) == 0) {
            sentence.append(", ").append(ASIDES.get(this.random.nextInt(ASIDES.size()))).append(',');
        }
        sentence.append(' ').append(VERBS.get(this.random.nextInt(VERBS.size()))).append(' ');
        String object = OBJECTS.get(this.random.nextInt(OBJECTS.size()));
        if (this.random.nextInt(10) == 0) {
            sentence.append("<em>").append(object).append("</em>");
        }
        else {
            sentence.append(object);
        }
        int end = this.random.nextInt(10);
        sentence.append((end == 0) ? "?" : (end == 1) ? "!" : ".");
        if (this.random.nextInt(6) == 0) {
            sentence.append(' ').append(CLOSINGS.get(this.random.nextInt(CLOSINGS.size())));
        }
        return sentence.toString();
    }

    /**
     * One comment as its reader wrote it.
     *
     * @param author the name shown with it
     * @param email the reader's address
     * @param website the reader's website, or {@code null}
     * @param text the comment
     */
    record Written(String author, String email, String website, String text) {

    }

}
