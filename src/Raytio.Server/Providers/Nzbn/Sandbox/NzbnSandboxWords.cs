namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>The word lists the generator composes fictional names, addresses and industries from.</summary>
internal static class NzbnSandboxWords
{
    public static readonly string[] NameFirst =
    [
        "KOWHAI", "TOTARA", "RIMU", "PUKEKO", "TUI", "KERERU", "MATAI", "HARAKEKE", "SOUTHERN", "COASTAL", "HARBOUR", "SUMMIT",
        "RIVERSTONE", "BLUE GUM", "IRONSAND", "KAURI", "MANUKA", "PIPI", "TASMAN", "RUAPEHU", "GREYSTONE", "SILVER FERN", "BRIGHTWATER", "NORTHCOTE",
    ];

    public static readonly string[] NameSecond =
    [
        "HOLDINGS", "TRADING", "PROPERTIES", "CONSULTING", "BUILDERS", "LOGISTICS", "FOODS", "DIGITAL", "ENGINEERING", "INVESTMENTS",
        "HORTICULTURE", "DESIGN", "FREIGHT", "ACCOUNTING", "ELECTRICAL", "PLUMBING", "MEDIA", "VENTURES", "FARMS", "SUPPLIES",
    ];

    public static readonly string[] FirstNames =
    [
        "ARIA", "BEN", "CHLOE", "DANIEL", "EMMA", "FINN", "GRACE", "HEMI", "ISLA", "JACK", "KAHU", "LILY", "MANAIA", "NOAH", "OLIVIA", "PETA",
        "QUINN", "RAWIRI", "SOPHIE", "TAMATI", "URSULA", "VIKRAM", "WIREMU", "XAVIER", "YASMIN", "ZOE", "ANAHERA", "BRUCE", "CATHERINE", "DEVI",
    ];

    public static readonly string[] MiddleNames = ["JAMES", "MARIE", "ROSE", "JOHN", "ANNE", "TE RANGI", "LEE", "MAE", "ALEXANDER", "GRACE"];

    public static readonly string[] LastNames =
    [
        "NGATA", "TAYLOR", "WILLIAMS", "SMITH", "BROWN", "WILSON", "THOMPSON", "PARATA", "WALKER", "TE WHATA", "CAMPBELL", "SINGH", "CHEN",
        "KUMAR", "ROBINSON", "HENARE", "MORGAN", "PATEL", "HARRIS", "TUHIWAI", "KING", "NGUYEN", "FRASER", "MCDONALD", "RANGI",
    ];

    public static readonly string[] Streets = ["Kowhai Road", "Harbour View Terrace", "Station Street", "Totara Avenue", "Marine Parade", "Hill Street", "Beach Road", "Queens Drive"];

    public static readonly (string Suburb, string City, string PostCode)[] Places =
    [
        ("Whataupoko", "Gisborne", "4010"), ("Ponsonby", "Auckland", "1011"), ("Te Aro", "Wellington", "6011"), ("Riccarton", "Christchurch", "8011"),
        ("Frankton", "Hamilton", "3204"), ("Mount Maunganui", "Tauranga", "3116"), ("Roslyn", "Dunedin", "9010"), ("Stoke", "Nelson", "7011"),
        ("Hokowhitu", "Palmerston North", "4410"), ("Taradale", "Napier", "4112"),
    ];

    /// <summary>Fictional Business Industry Classification entries (code, description) in the BIC style.</summary>
    public static readonly (string Code, string Description)[] Industries =
    [
        ("M692120", "Accounting service"), ("E301120", "House construction"), ("G411010", "Grocery retailing"), ("I461010", "Road freight transport"),
        ("J542210", "Software publishing"), ("H451110", "Cafe operation"), ("A011410", "Vegetable growing (outdoors)"), ("C111110", "Meat processing"),
        ("L672010", "Real estate agency service"), ("M700010", "Management consultancy service"), ("E323110", "Electrical services"),
        ("E323210", "Plumbing services"), ("S953110", "Hairdressing service"), ("A016010", "Dairy cattle farming"),
    ];

    public static readonly string[] Liquidators = ["TUATARA INSOLVENCY PARTNERS", "KEA RECOVERY LIMITED", "FANTAIL RESTRUCTURING"];
}
