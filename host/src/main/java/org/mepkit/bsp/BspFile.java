package org.mepkit.bsp;

/** One generated file: its path relative to the export folder (with {@code /}) and its text. */
public record BspFile(String path, String content) {

    public BspFile {
        if (path.startsWith("/") || path.contains("..")) throw new IllegalArgumentException("not a relative path: " + path);
    }
}
