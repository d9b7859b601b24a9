using CilPortal.Tests.Support;
using Microsoft.Playwright;

namespace CilPortal.EndToEnd;

/// <summary>
/// The portal on a real Kestrel port and Debian's Chromium driven by Playwright (no browser download).
/// Without a browser the tests fail and say how to install one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int PhoneWidth = 375;
    public const int PhoneHeight = 812;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"];

    private IPlaywright? playwright;

    public CilPortalWebFactory Portal { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go, to look at what the tests saw.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        var executable = FindChromium();
        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseAddress = Portal.ClientOptions.BaseAddress;
        Directory.CreateDirectory(ScreenshotFolder);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context at phone size, in French.</summary>
    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
            Locale = "fr-FR",
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser context at desktop size (1280×800), in French, for back-office screens.</summary>
    public async Task<IPage> NewDesktopPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "fr-FR",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    private static string FindChromium()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH"), "/usr/bin/chromium" };
        return candidates.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p) && File.Exists(p))
            ?? throw new InvalidOperationException(
                "No Chromium found for the browser tests. Install Debian's Chromium with 'sudo apt-get update && sudo apt-get install -y chromium' " +
                "(or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH to a Chromium executable). Playwright never downloads a browser here.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
