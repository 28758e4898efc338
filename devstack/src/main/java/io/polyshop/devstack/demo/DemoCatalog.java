package io.polyshop.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic demo catalog: ten categories under four departments, each declaring its own typed
 * attributes, with brands, series names, prices and variants that fit the category. Product
 * {@code i} is always the same product (its SKU is {@code DEMO-<code>-<i>}), so seeding twice changes
 * nothing and seeding more adds only the difference.
 */
public final class DemoCatalog {

    /** A category to define: id, name, parent, and attribute definitions as the catalog API takes them. */
    public record CategoryDefinition(String id, String name, String parentId, List<Map<String, Object>> attributes) {}

    public record BrandDefinition(String id, String name) {}

    private static final List<CategoryDefinition> DEPARTMENTS = List.of(
            new CategoryDefinition("electronics", "Electronics", null, List.of()),
            new CategoryDefinition("clothing", "Clothing", null, List.of()),
            new CategoryDefinition("home", "Home & Kitchen", null, List.of()),
            new CategoryDefinition("leisure", "Books & Games", null, List.of()));

    private static final List<Kind> KINDS = List.of(
            new Laptops(),
            new Phones(),
            new Headphones(),
            new Televisions(),
            new Shirts(),
            new Shoes(),
            new CoffeeMakers(),
            new Chairs(),
            new Books(),
            new BoardGames());

    private static final String[] SERIES = {
        "Aero", "Nova", "Pulse", "Orbit", "Vertex", "Zen", "Apex", "Echo", "Lumen", "Strata", "Terra", "Vista",
        "Flux", "Halo", "Quill", "Summit", "Drift", "Ember", "Frost", "Glide", "Harbor", "Ion", "Juniper", "Kite"
    };

    private static final java.util.regex.Pattern DEMO_SKU = java.util.regex.Pattern.compile("DEMO-[A-Z]+-(\\d{7})");

    private DemoCatalog() {}

    public static List<CategoryDefinition> categories() {
        List<CategoryDefinition> categories = new ArrayList<>(DEPARTMENTS);
        KINDS.forEach(kind -> categories.add(kind.category()));
        return categories;
    }

    public static List<BrandDefinition> brands() {
        return KINDS.stream()
                .flatMap(kind -> kind.brands().stream())
                .distinct()
                .map(name -> new BrandDefinition(slug(name), name))
                .toList();
    }

    /** Product number {@code index} as one line of an import: a map the catalog's import reads. */
    public static Map<String, Object> product(int index, boolean publish) {
        Kind kind = KINDS.get(index % KINDS.size());
        SplittableRandom random = new SplittableRandom(0x5eed_0000L + index);
        String brand = kind.brands().get(random.nextInt(kind.brands().size()));
        String series = SERIES[random.nextInt(SERIES.length)];
        Product product = kind.product(random, brand, series, index);
        String sku = "DEMO-" + kind.code() + "-" + String.format(Locale.ROOT, "%07d", index);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("slug", slug(product.name()) + "-" + index);
        line.put("name", product.name());
        line.put("description", product.description());
        line.put("brandId", slug(brand));
        line.put("categoryId", kind.category().id());
        line.put("price", price(product.price()));
        line.put(
                "images",
                List.of("https://images.polyshop.local/" + kind.code().toLowerCase(Locale.ROOT) + "/" + index
                        + ".jpg"));
        line.put("attributes", product.attributes());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int v = 0; v < product.variants().size(); v++) {
            Variant variant = product.variants().get(v);
            variants.add(Map.of(
                    "sku", sku + "-" + (v + 1), "attributes", variant.attributes(), "price", price(variant.price())));
        }
        line.put("variants", variants);
        line.put("specifications", product.specifications());
        line.put("status", publish ? "ACTIVE" : "DRAFT");
        return line;
    }

    /** The number of the demo product sold under {@code sku}, or -1 for a SKU that is not a demo product's. */
    public static int index(String sku) {
        java.util.regex.Matcher demo = DEMO_SKU.matcher(sku);
        return demo.matches() ? Integer.parseInt(demo.group(1)) : -1;
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Map<String, Object> price(BigDecimal amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    /** A price that looks like a shop's: ends in .99 or .49, within the category's range. */
    static BigDecimal shopPrice(double value) {
        BigDecimal whole = BigDecimal.valueOf(Math.max(1, Math.floor(value)));
        return whole.add(value % 1 < 0.5 ? new BigDecimal("0.49") : new BigDecimal("0.99"))
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    record Product(
            String name,
            String description,
            BigDecimal price,
            Map<String, Object> attributes,
            List<Variant> variants,
            List<Map<String, Object>> specifications) {}

    record Variant(Map<String, Object> attributes, BigDecimal price) {}

    private static Map<String, Object> attribute(String name, String type, boolean required, String... allowed) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("name", name);
        attribute.put("type", type);
        attribute.put("required", required);
        if (allowed.length > 0) {
            attribute.put("allowedValues", List.of(allowed));
        }
        return attribute;
    }

    private static Map<String, Object> specification(String group, String... entries) {
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i + 1 < entries.length; i += 2) {
            list.add(Map.of("name", entries[i], "value", entries[i + 1]));
        }
        return Map.of("group", group, "entries", list);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One category of products: its definition, its brands and how its products look. */
    private interface Kind {
        String code();

        CategoryDefinition category();

        List<String> brands();

        Product product(SplittableRandom random, String brand, String series, int index);
    }

    private static final class Laptops implements Kind {
        public String code() {
            return "LAP";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "laptops",
                    "Laptops",
                    "electronics",
                    List.of(
                            attribute("ramGb", "INTEGER", true),
                            attribute("storageGb", "INTEGER", true),
                            attribute("screenInches", "DECIMAL", true),
                            attribute("processor", "TEXT", true, "Core i5", "Core i7", "Ryzen 5", "Ryzen 7", "M-class"),
                            attribute("touchscreen", "BOOLEAN", false)));
        }

        public List<String> brands() {
            return List.of("Northwind", "Contoso", "Fabrikam", "Litware", "Proseware");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            int ram = pick(random, List.of(8, 16, 16, 32));
            int storage = pick(random, List.of(256, 512, 512, 1024, 2048));
            BigDecimal screen = pick(
                    random,
                    List.of(
                            new BigDecimal("13.3"),
                            new BigDecimal("14"),
                            new BigDecimal("15.6"),
                            new BigDecimal("16")));
            String cpu = pick(random, List.of("Core i5", "Core i7", "Ryzen 5", "Ryzen 7", "M-class"));
            boolean touch = random.nextInt(4) == 0;
            double base = 420 + ram * 22 + storage * 0.35 + random.nextDouble(0, 300);
            String name =
                    brand + " " + series + " " + screen.stripTrailingZeros().toPlainString() + "\" Laptop, " + ram
                            + " GB RAM, " + storage + " GB SSD";
            return new Product(
                    name,
                    "A " + screen.stripTrailingZeros().toPlainString() + "-inch " + (touch ? "touchscreen " : "")
                            + "laptop with a " + cpu + " processor, " + ram + " GB of memory and a fast " + storage
                            + " GB SSD. Light enough to carry all day, with a battery that lasts a working day.",
                    shopPrice(base),
                    Map.of(
                            "ramGb",
                            ram,
                            "storageGb",
                            storage,
                            "screenInches",
                            screen,
                            "processor",
                            cpu,
                            "touchscreen",
                            touch),
                    List.of(new Variant(Map.of("ramGb", ram * 2), shopPrice(base + ram * 20))),
                    List.of(
                            specification("Display", "Size", screen + " in", "Panel", touch ? "IPS touch" : "IPS"),
                            specification("Performance", "Processor", cpu, "Memory", ram + " GB")));
        }
    }

    private static final class Phones implements Kind {
        public String code() {
            return "PHN";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "smartphones",
                    "Smartphones",
                    "electronics",
                    List.of(
                            attribute("storageGb", "INTEGER", true), attribute("screenInches", "DECIMAL", true),
                            attribute("colour", "TEXT", true, "black", "white", "blue", "green", "red"),
                                    attribute("fiveG", "BOOLEAN", true)));
        }

        public List<String> brands() {
            return List.of("Contoso", "Tailspin", "Wingtip", "Lamna");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            int storage = pick(random, List.of(64, 128, 256, 512));
            BigDecimal screen = pick(
                    random,
                    List.of(
                            new BigDecimal("5.8"),
                            new BigDecimal("6.1"),
                            new BigDecimal("6.4"),
                            new BigDecimal("6.7")));
            String colour = pick(random, List.of("black", "white", "blue", "green", "red"));
            boolean fiveG = random.nextInt(5) > 0;
            double base = 180 + storage * 0.9 + random.nextDouble(0, 400);
            return new Product(
                    brand + " " + series + " " + (10 + index % 9) + " Smartphone " + storage + " GB",
                    "A " + screen + "-inch smartphone with " + storage + " GB of storage" + (fiveG ? " and 5G" : "")
                            + ", a bright OLED display and a camera that handles low light well.",
                    shopPrice(base),
                    Map.of("storageGb", storage, "screenInches", screen, "colour", colour, "fiveG", fiveG),
                    List.of(
                            new Variant(Map.of("colour", colour.equals("black") ? "white" : "black"), shopPrice(base)),
                            new Variant(Map.of("storageGb", storage * 2), shopPrice(base + storage * 0.8))),
                    List.of(specification("Display", "Size", screen + " in", "Type", "OLED")));
        }
    }

    private static final class Headphones implements Kind {
        public String code() {
            return "AUD";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "headphones",
                    "Headphones",
                    "electronics",
                    List.of(
                            attribute("wireless", "BOOLEAN", true), attribute("noiseCancelling", "BOOLEAN", true),
                            attribute("batteryHours", "INTEGER", false),
                                    attribute("colour", "TEXT", true, "black", "white", "silver", "blue")));
        }

        public List<String> brands() {
            return List.of("Fabrikam", "Wingtip", "Adventure Works", "Lamna");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            boolean wireless = random.nextInt(4) > 0;
            boolean anc = random.nextBoolean();
            int battery = 20 + random.nextInt(40);
            String colour = pick(random, List.of("black", "white", "silver", "blue"));
            double base = 29 + (wireless ? 40 : 0) + (anc ? 90 : 0) + random.nextDouble(0, 120);
            String style = pick(random, List.of("Over-Ear", "On-Ear", "In-Ear"));
            Map<String, Object> attributes =
                    new LinkedHashMap<>(Map.of("wireless", wireless, "noiseCancelling", anc, "colour", colour));
            if (wireless) {
                attributes.put("batteryHours", battery);
            }
            return new Product(
                    brand + " " + series + " " + style + " Headphones" + (anc ? " with Noise Cancelling" : ""),
                    style + " headphones with a warm, detailed sound"
                            + (wireless ? ", " + battery + " hours of battery" : ", a braided cable")
                            + (anc ? " and active noise cancelling for trains and planes." : "."),
                    shopPrice(base),
                    attributes,
                    List.of(new Variant(
                            Map.of("colour", colour.equals("black") ? "silver" : "black"), shopPrice(base))),
                    List.of(specification("Sound", "Drivers", (30 + random.nextInt(20)) + " mm")));
        }
    }

    private static final class Televisions implements Kind {
        public String code() {
            return "TV";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "televisions",
                    "Televisions",
                    "electronics",
                    List.of(
                            attribute("screenInches", "INTEGER", true),
                                    attribute("resolution", "TEXT", true, "Full HD", "4K", "8K"),
                            attribute("panel", "TEXT", true, "LED", "OLED", "QLED"),
                                    attribute("smart", "BOOLEAN", true)));
        }

        public List<String> brands() {
            return List.of("Northwind", "Contoso", "Tailspin");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            int inches = pick(random, List.of(32, 43, 50, 55, 65, 75));
            String resolution = inches < 43 ? "Full HD" : pick(random, List.of("4K", "4K", "8K"));
            String panel = pick(random, List.of("LED", "OLED", "QLED"));
            double base = inches * 11
                    + (panel.equals("OLED") ? 500 : 0)
                    + (resolution.equals("8K") ? 900 : 0)
                    + random.nextDouble(0, 200);
            return new Product(
                    brand + " " + series + " " + inches + "\" " + resolution + " " + panel + " Smart TV",
                    "A " + inches + "-inch " + resolution + " " + panel
                            + " television with deep blacks, a built-in streaming hub and a remote with voice search.",
                    shopPrice(base),
                    Map.of("screenInches", inches, "resolution", resolution, "panel", panel, "smart", true),
                    List.of(),
                    List.of(specification("Picture", "Resolution", resolution, "Panel", panel)));
        }
    }

    private static final class Shirts implements Kind {
        public String code() {
            return "TSH";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "t-shirts",
                    "T-shirts",
                    "clothing",
                    List.of(
                            attribute("size", "TEXT", true, "XS", "S", "M", "L", "XL"),
                            attribute("colour", "TEXT", true),
                            attribute("material", "TEXT", true, "cotton", "organic cotton", "linen", "merino")));
        }

        public List<String> brands() {
            return List.of("Alpine Ski House", "Adventure Works", "Woodgrove", "Coho");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            String colour = pick(random, List.of("white", "black", "navy", "olive", "grey", "sand", "red"));
            String material = pick(random, List.of("cotton", "organic cotton", "linen", "merino"));
            String fit = pick(random, List.of("Regular Fit", "Slim Fit", "Relaxed"));
            double base = 12
                    + (material.equals("merino") ? 35 : material.equals("linen") ? 20 : 0)
                    + random.nextDouble(0, 15);
            List<Variant> variants = new ArrayList<>();
            for (String size : List.of("XS", "S", "L", "XL")) {
                variants.add(new Variant(Map.of("size", size), shopPrice(base)));
            }
            return new Product(
                    brand + " " + series + " " + fit + " T-shirt, " + colour + " " + material,
                    "A " + fit.toLowerCase(Locale.ROOT) + " crew-neck T-shirt in soft " + material
                            + ". Pre-washed so it keeps its shape.",
                    shopPrice(base),
                    Map.of("size", "M", "colour", colour, "material", material),
                    variants,
                    List.of(specification("Care", "Washing", "30 °C", "Tumble dry", "low")));
        }
    }

    private static final class Shoes implements Kind {
        public String code() {
            return "SHO";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "running-shoes",
                    "Running shoes",
                    "clothing",
                    List.of(
                            attribute("euSize", "INTEGER", true),
                                    attribute("terrain", "TEXT", true, "road", "trail", "track"),
                            attribute("dropMm", "INTEGER", false), attribute("waterproof", "BOOLEAN", false)));
        }

        public List<String> brands() {
            return List.of("Adventure Works", "Alpine Ski House", "Coho");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            String terrain = pick(random, List.of("road", "road", "trail", "track"));
            int drop = pick(random, List.of(4, 6, 8, 10));
            boolean waterproof = terrain.equals("trail") && random.nextBoolean();
            double base = 59 + random.nextDouble(0, 110) + (waterproof ? 25 : 0);
            List<Variant> variants = new ArrayList<>();
            for (int size = 38; size <= 46; size += 2) {
                variants.add(new Variant(Map.of("euSize", size), shopPrice(base)));
            }
            return new Product(
                    brand + " " + series + " " + (index % 7 + 1) + " " + capitalised(terrain) + " Running Shoe"
                            + (waterproof ? " GTX" : ""),
                    "A cushioned " + terrain + " running shoe with a " + drop + " mm drop"
                            + (waterproof ? ", a waterproof membrane" : "") + " and a grippy outsole for long runs.",
                    shopPrice(base),
                    Map.of("euSize", 42, "terrain", terrain, "dropMm", drop, "waterproof", waterproof),
                    variants,
                    List.of(specification("Fit", "Drop", drop + " mm", "Width", "regular")));
        }
    }

    private static final class CoffeeMakers implements Kind {
        public String code() {
            return "COF";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "coffee-makers",
                    "Coffee makers",
                    "home",
                    List.of(
                            attribute("brewType", "TEXT", true, "drip", "espresso", "pod", "french press"),
                            attribute("capacityCups", "INTEGER", true),
                            attribute("programmable", "BOOLEAN", true)));
        }

        public List<String> brands() {
            return List.of("Fourth Coffee", "Woodgrove", "Northwind");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            String type = pick(random, List.of("drip", "espresso", "pod", "french press"));
            int cups = type.equals("espresso") ? 2 : 4 + random.nextInt(9);
            boolean programmable = !type.equals("french press") && random.nextBoolean();
            double base = 25 + (type.equals("espresso") ? 180 : 0) + cups * 4 + random.nextDouble(0, 80);
            return new Product(
                    brand + " " + series + " " + capitalised(type) + " Coffee Maker, " + cups + " cups",
                    "A " + type + " coffee maker for " + cups + " cups"
                            + (programmable ? " with a timer, so coffee is ready when you wake up." : "."),
                    shopPrice(base),
                    Map.of("brewType", type, "capacityCups", cups, "programmable", programmable),
                    List.of(),
                    List.of(specification("Brewing", "Type", type, "Cups", Integer.toString(cups))));
        }
    }

    private static final class Chairs implements Kind {
        public String code() {
            return "CHR";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "office-chairs",
                    "Office chairs",
                    "home",
                    List.of(
                            attribute("material", "TEXT", true, "mesh", "fabric", "leather"),
                            attribute("adjustableArms", "BOOLEAN", true),
                            attribute("maxLoadKg", "INTEGER", true)));
        }

        public List<String> brands() {
            return List.of("Woodgrove", "Fabrikam", "Litware");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            String material = pick(random, List.of("mesh", "fabric", "leather"));
            boolean arms = random.nextInt(3) > 0;
            int load = pick(random, List.of(110, 120, 136, 150));
            double base = 89 + (material.equals("leather") ? 120 : 0) + (arms ? 40 : 0) + random.nextDouble(0, 200);
            return new Product(
                    brand + " " + series + " Ergonomic Office Chair, " + material,
                    "An ergonomic office chair in " + material + " with lumbar support"
                            + (arms ? ", adjustable arms" : "") + " and a load of up to " + load + " kg.",
                    shopPrice(base),
                    Map.of("material", material, "adjustableArms", arms, "maxLoadKg", load),
                    List.of(),
                    List.of(specification("Dimensions", "Seat height", "42-52 cm", "Max load", load + " kg")));
        }
    }

    private static final class Books implements Kind {
        private static final List<String> WORDS = List.of(
                "River",
                "Silent",
                "Garden",
                "Winter",
                "Stone",
                "Light",
                "Harbour",
                "Map",
                "Letters",
                "Orchard",
                "Clockmaker",
                "Island",
                "Summer",
                "Lantern",
                "Shadow");
        private static final List<String> AUTHORS = List.of(
                "Ada Lindqvist",
                "Tomas Reyes",
                "Mira Okafor",
                "Jonah Weiss",
                "Lena Marchetti",
                "Sam Kowalski",
                "Priya Nair",
                "Elias Brandt");

        public String code() {
            return "BOK";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "books",
                    "Books",
                    "leisure",
                    List.of(
                            attribute("author", "TEXT", true), attribute("pages", "INTEGER", true),
                            attribute("format", "TEXT", true, "paperback", "hardcover", "ebook"),
                                    attribute("language", "TEXT", true, "en", "de", "fr", "es")));
        }

        public List<String> brands() {
            return List.of("Lucerne Publishing", "Graphic Design Institute", "Margie's Travel");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            String title = "The " + pick(random, WORDS) + " of the " + pick(random, WORDS);
            String author = pick(random, AUTHORS);
            String format = pick(random, List.of("paperback", "hardcover", "ebook"));
            int pages = 180 + random.nextInt(500);
            double base = format.equals("ebook")
                    ? 6 + random.nextDouble(0, 8)
                    : format.equals("hardcover") ? 22 + random.nextDouble(0, 12) : 11 + random.nextDouble(0, 8);
            return new Product(
                    title + " (" + capitalised(format) + ") by " + author,
                    "A novel by " + author + ", " + pages + " pages. " + title
                            + " follows a family across three generations and one long summer.",
                    shopPrice(base),
                    Map.of(
                            "author",
                            author,
                            "pages",
                            pages,
                            "format",
                            format,
                            "language",
                            pick(random, List.of("en", "en", "de", "fr", "es"))),
                    List.of(),
                    List.of(specification("Edition", "Pages", Integer.toString(pages), "Publisher", brand)));
        }
    }

    private static final class BoardGames implements Kind {
        public String code() {
            return "GAM";
        }

        public CategoryDefinition category() {
            return new CategoryDefinition(
                    "board-games",
                    "Board games",
                    "leisure",
                    List.of(
                            attribute("minPlayers", "INTEGER", true), attribute("maxPlayers", "INTEGER", true),
                            attribute("minAge", "INTEGER", true), attribute("playMinutes", "INTEGER", true)));
        }

        public List<String> brands() {
            return List.of("Tailspin Toys", "Wide World Importers", "Adventure Works");
        }

        public Product product(SplittableRandom random, String brand, String series, int index) {
            int min = 1 + random.nextInt(2);
            int max = min + 2 + random.nextInt(4);
            int age = pick(random, List.of(6, 8, 10, 12, 14));
            int minutes = pick(random, List.of(20, 30, 45, 60, 90, 120));
            String theme =
                    pick(random, List.of("Trading", "Exploration", "Castle", "Space", "Railway", "Garden", "Mystery"));
            double base = 15 + minutes * 0.3 + random.nextDouble(0, 30);
            return new Product(
                    series + " " + theme + " Board Game (" + min + "-" + max + " players)",
                    "A " + theme.toLowerCase(Locale.ROOT) + " game for " + min + " to " + max + " players aged " + age
                            + " and up; a game takes about " + minutes + " minutes.",
                    shopPrice(base),
                    Map.of("minPlayers", min, "maxPlayers", max, "minAge", age, "playMinutes", minutes),
                    List.of(),
                    List.of(specification("Play", "Players", min + "-" + max, "Duration", minutes + " min")));
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
