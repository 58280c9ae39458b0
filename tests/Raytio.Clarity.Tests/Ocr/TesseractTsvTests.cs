using Raytio.Clarity.Ocr;
using Raytio.Clarity.Preparation;
using Raytio.Clarity.Tests.Documents;

namespace Raytio.Clarity.Tests.Ocr;

public class TesseractTsvTests
{
    private const string Header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    [Fact]
    public void Keeps_only_words_with_text_and_their_boxes()
    {
        var tsv = string.Join('\n',
            Header,
            "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t",
            "4\t1\t1\t1\t1\t0\t10\t20\t300\t40\t-1\t",
            "5\t1\t1\t1\t1\t1\t10\t20\t120\t40\t96.5\tPASSPORT",
            "5\t1\t1\t1\t1\t2\t140\t20\t10\t40\t95\t ",
            "5\t1\t1\t1\t2\t1\t10\t70\t90\t38\t88.25\tNZL");

        var words = TesseractTsv.Parse(tsv);

        Assert.Equal(2, words.Count);
        Assert.Equal(new OcrWord("PASSPORT", new PixelBox(10, 20, 120, 40), 96.5, 1, 1, 1), words[0]);
        Assert.Equal(2, words[1].Line);
    }

    [Fact]
    public void Rejects_output_without_the_header()
    {
        Assert.Throws<FormatException>(() => TesseractTsv.Parse("5\t1\t1\t1\t1\t1\t10\t20\t120\t40\t96\tX"));
    }

    [Fact]
    public async Task Reads_a_rendered_word_with_the_installed_command()
    {
        using var image = new ImageMagick.MagickImage(ImageMagick.MagickColors.White, 600, 160);
        new ImageMagick.Drawing.Drawables()
            .Font("DejaVu-Sans").FontPointSize(64).FillColor(ImageMagick.MagickColors.Black)
            .Text(30, 110, "RAYTIO").Draw(image);
        image.Format = ImageMagick.MagickFormat.Png;

        var words = await new TesseractEngine().ReadWordsAsync(image.ToByteArray(), new TesseractOptions(PageSegmentation: 7),
            CancellationToken.None);

        var word = Assert.Single(words);
        Assert.Equal("RAYTIO", word.Text);
        Assert.InRange(word.Box.Left, 15, 60);
    }

    [Fact]
    public async Task A_page_in_memory_reads_as_its_encoded_image()
    {
        var document = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(4), Distortion.None);
        using var image = new ImageMagick.MagickImage(document.Jpeg);
        image.ColorType = ImageMagick.ColorType.Grayscale;
        var page = PixelRaster.From(image);
        var engine = new TesseractEngine();
        var options = new TesseractOptions(PageSegmentation: 6);

        var fromPixels = await engine.ReadWordsAsync(page, options, CancellationToken.None);
        var fromFile = await engine.ReadWordsAsync(page.ToNetpbm(), options, CancellationToken.None);

        Assert.True(fromPixels.Count > 10);
        Assert.Equal(fromFile, fromPixels);
    }

    [Fact]
    public async Task A_cancelled_reading_throws()
    {
        var document = DocumentGenerator.Generate(DocumentKind.NzPassport, new Random(5), Distortion.None);
        using var cancel = new CancellationTokenSource();

        // Cancelled by this thread as soon as the reading is handed to its worker, not by a timer:
        // a loaded machine can fire a timer after a whole page is read.
        var reading = new TesseractEngine().ReadWordsAsync(document.Jpeg, new TesseractOptions(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Fact]
    public async Task A_missing_library_is_reported_as_unavailable()
    {
        await Assert.ThrowsAsync<OcrUnavailableException>(() =>
            new TesseractEngine("/nonexistent/libtesseract.so.5").ReadWordsAsync(new byte[] { 1 }, new TesseractOptions(), CancellationToken.None));
    }
}
