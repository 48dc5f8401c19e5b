package org.polypseg.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.ByteArrayInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports' wording, read from its editable file ({@code pdf-template.properties}, UTF-8): every
 * heading, label and sentence of the PDF, and the same texts for the Word template's
 * {@code {{text.KEY}}} placeholders, so that both formats say the same. A text may hold
 * {@code {name}} placeholders that the report fills; a missing key or an unknown placeholder is
 * reported with the file's name.
 */
final class ReportTexts {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

  private final String location;
  private final Properties texts;

  private ReportTexts(String location, Properties texts) {
    this.location = location;
    this.texts = texts;
  }

  static ReportTexts load(ReportTemplates.Template template) {
    Properties texts = new Properties();
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(template.bytes()),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT))) {
      texts.load(reader);
    } catch (CharacterCodingException e) {
      throw new ReportTemplateException(template.location() + ": not UTF-8 text", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReportTemplateException(
          template.location() + ": not a valid properties file (" + e.getMessage() + ")", e);
    }
    return new ReportTexts(template.location(), texts);
  }

  /** The file the texts came from. */
  String location() {
    return location;
  }

  /** The text of {@code key} with no placeholder filled. */
  String get(String key) {
    return get(key, Map.of());
  }

  /**
   * The text of {@code key} with its placeholders filled from {@code values}.
   *
   * @throws ReportTemplateException when the key is missing or uses an unknown placeholder
   */
  String get(String key, Map<String, String> values) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new ReportTemplateException(location + ": missing key '" + key + "'");
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new ReportTemplateException(location + ": key '" + key + "' uses {" + m.group(1)
            + "}, which it cannot; it may use " + (values.isEmpty() ? "none"
                : values.keySet().stream().sorted().map(v -> "{" + v + "}").toList()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /**
   * Every text without a placeholder, by its key: what the Word template may name as
   * {@code {{text.KEY}}}.
   */
  Map<String, String> plain() {
    Map<String, String> plain = new java.util.TreeMap<>();
    for (String key : texts.stringPropertyNames()) {
      String text = texts.getProperty(key);
      if (!PLACEHOLDER.matcher(text).find()) {
        plain.put(key, text.strip());
      }
    }
    return plain;
  }

  /** An optional setting: empty when the key is absent or blank. */
  String setting(String key) {
    return texts.getProperty(key, "").strip();
  }
}
