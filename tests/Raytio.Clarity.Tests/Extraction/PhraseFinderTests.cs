using Raytio.Clarity.Extraction;
using Raytio.Clarity.Layout;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Tests.Extraction;

public class PhraseFinderTests
{
    private static OcrWord Word(string text, int left, int top, int width = 100, int height = 30) =>
        new(text, new PixelBox(left, top, width, height), 90, 1, 1, 1);

    private static readonly List<List<OcrWord>> Page = PhraseFinder.Lines(
    [
        Word("ZEALAND", 230, 52), Word("New", 100, 50), Word("DRIVER", 360, 51),
        Word("Surname", 100, 150), Word("WAKA", 500, 400), Word("K0TAHI", 620, 401),
    ]);

    [Fact]
    public void Finds_a_phrase_of_several_words_whatever_their_case()
    {
        var found = Assert.Single(PhraseFinder.Find(Page, "NEW ZEALAND"));
        Assert.Equal(new PixelBox(100, 50, 230, 32), found);
    }

    [Fact]
    public void Tolerates_one_ocr_error_but_not_two()
    {
        Assert.Single(PhraseFinder.Find(Page, "WAKA KOTAHI"));
        Assert.Single(PhraseFinder.Find(Page, "Surnane"));
        Assert.Empty(PhraseFinder.Find(Page, "Sunamo"));
    }

    [Fact]
    public void Short_phrases_must_match_exactly()
    {
        Assert.Single(PhraseFinder.Find(Page, "new"));
        Assert.Empty(PhraseFinder.Find(Page, "NEX"));
    }

    [Fact]
    public void A_frame_maps_points_to_pixels_and_back()
    {
        var frame = new DocumentFrame(120, 80, 240, 0.05);

        var (px, py) = frame.ToPixels(2.5, -0.75);
        var (x, y) = frame.ToFrame(px, py);

        Assert.Equal(2.5, x, 9);
        Assert.Equal(-0.75, y, 9);
        Assert.Equal((120.0, 80.0), frame.ToPixels(0, 0));
    }
}
