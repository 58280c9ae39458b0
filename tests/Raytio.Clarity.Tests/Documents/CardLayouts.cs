namespace Raytio.Clarity.Tests.Documents;

/// <summary>
/// The three synthetic designs: an NZ passport data page, an NZ driver licence and the
/// reference's Community Services Card (anchors COMMUNITY and Valid, refiner "Community
/// Services Card"). They are made up for tests, not copies of real documents.
/// </summary>
public static class CardLayouts
{
    public static CardLayout For(DocumentKind kind) => kind switch
    {
        DocumentKind.NzPassport => Passport,
        DocumentKind.NzDriverLicence => DriverLicence,
        DocumentKind.CommunityServicesCard => CommunityServicesCard,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static readonly CardLayout Passport = new(
        DocumentKind.NzPassport, 1250, 880, "#F1F4EC", "PASSPORT", "URUWHENUA", "NEW ZEALAND",
        [
            new("PASSPORT", 40, 70, 42, Bold: true),
            new("NEW ZEALAND", 420, 70, 34, Bold: true),
            new("Type", 400, 122, 18), new("Code", 520, 122, 18), new("Passport No", 700, 122, 18),
            new("Surname", 400, 202, 18),
            new("Given names", 400, 282, 18),
            new("Date of birth", 400, 362, 18), new("Sex", 850, 362, 18),
            new("Date of issue", 400, 442, 18), new("Date of expiry", 850, 442, 18),
            new("URUWHENUA", 960, 640, 30, Bold: true),
        ],
        [
            new("document_type", new(400, 128, 100, 46)),
            new("issuing_country", new(520, 128, 150, 46)),
            new("document_number", new(700, 128, 420, 46)),
            new("surname", new(400, 208, 820, 46)),
            new("given_names", new(400, 288, 820, 46)),
            new("date_of_birth", new(400, 368, 420, 46)),
            new("sex", new(850, 368, 120, 46)),
            new("date_of_issue", new(400, 448, 420, 46)),
            new("date_of_expiry", new(850, 448, 380, 46)),
        ],
        new(40, 110, 320, 400), "photo", Portrait: true,
        Mrz: new(30, 690, 1190, 170));

    public static readonly CardLayout DriverLicence = new(
        DocumentKind.NzDriverLicence, 1000, 630, "#EEF2F8", "NEW ZEALAND", "WAKA KOTAHI", "DRIVER LICENCE",
        [
            new("NEW ZEALAND DRIVER LICENCE", 40, 68, 34, Bold: true),
            new("1. Surname", 330, 120, 18),
            new("2. First names", 330, 190, 18),
            new("3. Date of birth", 330, 260, 18), new("4b. Expiry", 660, 260, 18),
            new("5. Licence No", 330, 330, 18), new("5a. Version", 660, 330, 18),
            new("WAKA KOTAHI", 760, 605, 24, Bold: true),
        ],
        [
            new("surname", new(330, 126, 640, 44)),
            new("first_names", new(330, 196, 640, 44)),
            new("date_of_birth", new(330, 266, 300, 44)),
            new("expiry_date", new(660, 266, 300, 44)),
            new("licence_number", new(330, 336, 300, 44)),
            new("card_version", new(660, 336, 200, 44)),
        ],
        new(40, 100, 260, 320), "photo", Portrait: true,
        Table: new("classes", new(40, 440, 640, 135), ["Class", "Stage", "Expires"], [0.25, 0.35, 0.4], 3));

    public static readonly CardLayout CommunityServicesCard = new(
        DocumentKind.CommunityServicesCard, 1000, 630, "#F6F0E4", "COMMUNITY", "Valid", "Community Services Card",
        [
            new("COMMUNITY SERVICES CARD", 40, 70, 36, Bold: true),
            new("Number", 380, 122, 18),
            new("Name", 40, 222, 18),
            new("Client number", 40, 422, 18),
            new("From", 600, 322, 18),
            new("To", 600, 422, 18),
            new("Valid", 880, 600, 24, Bold: true),
        ],
        [
            new("number", new(380, 128, 560, 46)),
            new("name", new(40, 228, 920, 46)),
            new("start_date", new(600, 328, 320, 46)),
            new("client_number", new(40, 428, 400, 46)),
            new("end_date", new(600, 428, 320, 46)),
        ],
        new(0, 0, 1000, 630), "csc_card", Portrait: false);
}
