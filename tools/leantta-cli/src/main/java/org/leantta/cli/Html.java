package org.leantta.cli;

/** A minimal self-contained HTML page for the command line's reports. */
final class Html {
    private Html() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:1040px;margin:2em auto;color:#222}"
                + "img{max-width:100%}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 10px;"
                + "text-align:right}td:first-child,th:first-child{text-align:left}</style></head>\n<body><h1>"
                + escape(title) + "</h1>\n" + body + "\n</body></html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
