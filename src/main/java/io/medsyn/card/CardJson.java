package io.medsyn.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code card.json}: the card's facts for machines, in the same snake_case keys as the YAML header. */
public final class CardJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      // Figures a later release adds to the card do not stop an older reader.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private CardJson() {}

  public static String render(Card card) {
    try {
      return JSON.writeValueAsString(card);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a card of plain values always serializes: " + e.getMessage(), e);
    }
  }

  /** The card back from its JSON; a file that is not a card fails naming what is wrong with it. */
  public static Card parse(String json) {
    try {
      return JSON.readValue(json, Card.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a MedSyn card.json: " + e.getOriginalMessage(), e);
    }
  }
}
