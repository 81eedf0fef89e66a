package org.saddlepoint.robust.neur2ro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.solvers.InvalidInputException;

/** A Neur2RO model file: one JSON object whose {@code format} and {@code version} name what it holds. */
public final class ModelFile {
    private ModelFile() {
    }

    /** A new object with {@code format} and {@code version} set. */
    static ObjectNode header(ObjectMapper mapper, String format, int version) {
        ObjectNode node = mapper.createObjectNode();
        node.put("format", format);
        node.put("version", version);
        return node;
    }

    static void write(Path file, ObjectMapper mapper, ObjectNode node) {
        try {
            Files.writeString(file, mapper.writeValueAsString(node));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }

    /** The JSON object of {@code file}. */
    static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The object of {@code file}, which must have the given format and version. */
    static JsonNode read(Path file, String format, int version) {
        JsonNode node = read(file);
        if (!format.equals(node.path("format").asText()) || node.path("version").asInt() != version) {
            throw new InvalidInputException(file + ": not a " + format + " version " + version + " model");
        }
        return node;
    }

    /** The {@code format} field of the model in {@code file} ("" when absent). */
    public static String format(Path file) {
        return read(file).path("format").asText();
    }
}
