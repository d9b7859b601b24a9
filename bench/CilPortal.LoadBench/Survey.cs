using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CilPortal.LoadBench;

/// <summary>
/// The survey of the benchmark territory: each demo account, signed in, follows the links of the portal's pages from
/// where it lands, one request at a time, and each page is timed twice (the second once the first has filled the caches
/// and compiled the code; the shorter is reported). The pages past <see cref="SlowMs"/> are what a user of a large
/// territory would wait for: the load benchmark's routes are chosen in advance, this finds the others.
/// </summary>
public static partial class Survey
{
    /// <summary>The pages read per account at most.</summary>
    public const int MaxPagesPerAccount = 400;

    /// <summary>Addresses that differ only by numbers (a listing, a demand, a page of a list) are read twice at most.</summary>
    public const int MaxPagesPerShape = 2;

    /// <summary>A page that takes longer than this, alone on the server, is marked.</summary>
    public const double SlowMs = 200;

    private static readonly string[] Accounts =
        [RouteCatalogue.Applicant, RouteCatalogue.Tenant, RouteCatalogue.ReceptionDesk, RouteCatalogue.BailleurAgent, RouteCatalogue.Administrator];

    private static readonly string[] Landings = ["", "ma-demande", "echanges/mon-espace", "gestion"];

    public static async Task RunAsync(PortalServer server, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        var pages = new List<SurveyedPage>();
        foreach (var account in Accounts)
        {
            var browser = await Browser.SignInAsync(server.BaseAddress, account, options.Password);
            var read = await CrawlAsync(browser, account);
            pages.AddRange(read);
            Console.WriteLine($"{account,-36} {read.Count,4} pages, la plus lente {read.Max(p => p.Time).TotalMilliseconds,8:0.0} ms");
        }

        Directory.CreateDirectory(options.Output);
        var path = Path.Combine(options.Output, "survey.md");
        await File.WriteAllTextAsync(path, Markdown(pages, options, server.PeakRssMb()));
        Console.WriteLine($"Relevé : {path}");
    }

    private static async Task<List<SurveyedPage>> CrawlAsync(Browser browser, string account)
    {
        var read = new List<SurveyedPage>();
        var queue = new Queue<string>(Landings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var path) && read.Count < MaxPagesPerAccount)
        {
            var shape = Digits().Replace(path, "N");
            if (!seen.Add(path) || (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) > MaxPagesPerShape)
            {
                continue;
            }

            var first = await browser.TimedGetAsync(path);
            var second = await browser.TimedGetAsync(path);
            read.Add(new SurveyedPage(account, "/" + path, second.Status, first.Time < second.Time ? first.Time : second.Time, first.Time, Encoding.UTF8.GetByteCount(second.Text)));
            if (second.Status != 200)
            {
                continue;
            }

            foreach (Match link in Link().Matches(second.Text))
            {
                var next = WebUtility.HtmlDecode(link.Groups[1].Value);
                if (!seen.Contains(next) && !Asset().IsMatch(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return read;
    }

    private static string Markdown(List<SurveyedPage> pages, BenchOptions options, double peakRssMb)
    {
        var text = new StringBuilder();
        var at = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        text.AppendLine("# Survey — every page the demo accounts reach, on the benchmark territory").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{at} UTC, commit `{Report.Commit()}`, database `{Path.GetFileName(options.Database)}`. Produced by `bash bench/load --survey`.")
            .AppendLine(CultureInfo.InvariantCulture, $"Each account signs in and follows the links of the pages from where it lands ({MaxPagesPerAccount} pages at most, {MaxPagesPerShape} of each address that differs only by its numbers), one request at a time on an idle server; each page is read twice and the shorter time kept (« first » is the first read, caches cold). Over {SlowMs:0} ms: **marked**.")
            .AppendLine(CultureInfo.InvariantCulture, $"Server's peak resident set during the survey: {peakRssMb:0} MB.").AppendLine()
            .AppendLine("| page | account | status | ms | first ms | KB |")
            .AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var page in pages.OrderByDescending(p => p.Time))
        {
            var ms = page.Time.TotalMilliseconds;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{page.Path}` | {page.Account.Split('@')[0]} | {page.Status} | {(ms > SlowMs ? $"**{ms:0.0}**" : $"{ms:0.0}")} | {page.FirstTime.TotalMilliseconds:0.0} | {page.Bytes / 1024.0:0} |");
        }

        return text.ToString();
    }

    [GeneratedRegex("href=\"/([^\"#]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("^(css|js|img|lib)/|deconnexion|\\.(ico|svg|png|jpg|webp|css|js)(\\?|$)")]
    private static partial Regex Asset();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
