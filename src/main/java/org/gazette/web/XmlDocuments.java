package org.gazette.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the XML documents readers' software fetches (feeds, sitemaps) with the JDK's
 * StAX writer, which escapes every text and attribute; characters XML cannot carry at all
 * are left out of what anybody typed.
 */
final class XmlDocuments {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private XmlDocuments() {
    }

    /** What a document is made of, written element by element. */
    interface Body {

        void write(Writer xml) throws XMLStreamException;

    }

    /** The document's bytes, UTF-8. */
    static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            body.write(new Writer(xml));
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Could not write an XML document", ex);
        }
        return bytes.toByteArray();
    }

    /** A moment as RFC 3339 and W3C Datetime both have it, to the second, in UTC. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The text without the characters XML 1.0 cannot carry (most control characters, lone surrogates). */
    static String clean(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c)) {
                allowed = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (allowed) {
                    if (kept != null) {
                        kept.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            }
            else {
                allowed = !Character.isLowSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                        && c != 0xFFFE && c != 0xFFFF;
            }
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            }
            else if (allowed && kept != null) {
                kept.append(c);
            }
        }
        return (kept != null) ? kept.toString() : text;
    }

    /** The StAX writer with the few shapes these documents use. */
    static final class Writer {

        private final XMLStreamWriter xml;

        Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String name) throws XMLStreamException {
            this.xml.writeStartElement(name);
        }

        void startRoot(String name, String namespace) throws XMLStreamException {
            this.xml.setDefaultNamespace(namespace);
            this.xml.writeStartElement(namespace, name);
            this.xml.writeDefaultNamespace(namespace);
        }

        void end() throws XMLStreamException {
            this.xml.writeEndElement();
        }

        void attribute(String name, String value) throws XMLStreamException {
            this.xml.writeAttribute(name, clean(value));
        }

        /** An element holding text only. */
        void text(String name, String text) throws XMLStreamException {
            this.xml.writeStartElement(name);
            this.xml.writeCharacters(clean(text));
            this.xml.writeEndElement();
        }

        /** An element holding text only, with one attribute. */
        void text(String name, String attribute, String value, String text) throws XMLStreamException {
            this.xml.writeStartElement(name);
            this.xml.writeAttribute(attribute, value);
            this.xml.writeCharacters(clean(text));
            this.xml.writeEndElement();
        }

        /** An empty element with attributes given as name, value, name, value... */
        void empty(String name, String... attributes) throws XMLStreamException {
            this.xml.writeEmptyElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                this.xml.writeAttribute(attributes[i], clean(attributes[i + 1]));
            }
        }

    }

}
