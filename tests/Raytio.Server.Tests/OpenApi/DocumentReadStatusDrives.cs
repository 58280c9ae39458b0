using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Tests.Clarity;
using Raytio.Server.Tests.ExtractVerify;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>503 server_busy of every document read (101, 102, 103, MRZ) for <see cref="DeclaredStatusTests"/>: every slot taken, a queue timeout of zero.</summary>
internal static class DocumentReadStatusDrives
{
    public static async Task DriveBusyDocumentReadsAsync(this RaytioFactory app)
    {
        var user = await GraphUser.CreateAsync(app);
        var licence = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(4), Distortion.None).Jpeg;
        var gate = app.Services.GetRequiredService<DocumentReadGate>();
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = Enumerable.Range(0, app.Services.GetRequiredService<IOptions<DocumentReadOptions>>().Value.MaxConcurrentReads)
            .Select(_ => gate.RunAsync(() => release.Task, CancellationToken.None)).ToList();

        await app.ExtractAsync(ClarityUploads.ExtractBody(licence, ClarityUploads.LicenceModel), user.Bearer);
        await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, licence), user.Bearer);
        await app.PostJsonAsync("/extract_verify/v1/extract", new { form_data = new[] { Convert.ToBase64String(licence) }, schema_name = ExtractVerifyClient.Licence }, user.Bearer);
        await app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer);

        release.SetResult(0);
        await Task.WhenAll(holding);
    }
}
