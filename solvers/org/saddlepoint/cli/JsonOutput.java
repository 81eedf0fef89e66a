package org.saddlepoint.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.saddlepoint.solvers.SaddlepointException;

/**
 * The {@code --json} output of the commands: exactly one JSON object on one line of stdout, keys
 * in snake_case, non-finite numbers written as {@code null} (JSON has no NaN).
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOutput() {
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    /** Puts {@code value}, or null if it is NaN or infinite. */
    public static ObjectNode putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
        return node;
    }

    /** Puts {@code values} as an array, NaN and infinite entries as null. */
    public static ObjectNode putArray(ObjectNode node, String key, double[] values) {
        ArrayNode array = node.putArray(key);
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
        return node;
    }

    /** Writes {@code node} as one line. */
    public static void print(PrintWriter out, ObjectNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new SaddlepointException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
        out.flush();
    }
}
