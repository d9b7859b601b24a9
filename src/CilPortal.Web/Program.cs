using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CilPortal.Infrastructure.Data;
using CilPortal.Infrastructure.Email;
using CilPortal.Infrastructure.Identity;
using CilPortal.Infrastructure.Seeding;
using CilPortal.Web.Content;
using CilPortal.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;
var configuration = builder.Configuration;

var french = CultureInfo.GetCultureInfo("fr-FR");
CultureInfo.DefaultThreadCurrentCulture = french;
CultureInfo.DefaultThreadCurrentUICulture = french;

services.AddSingleton(TimeProvider.System);
services.AddSingleton<ParisClock>();

// Write French text as is in the HTML (é, not &#xE9;): Razor still encodes what HTML requires.
services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddCilPortalDatabase(configuration, builder.Environment.ContentRootPath);
services.AddSingleton(configuration.GetSection(TerritoryOptions.Section).Get<TerritoryOptions>() ?? new TerritoryOptions());
var demoOptions = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
demoOptions.Enabled |= builder.Environment.IsDevelopment();
services.AddSingleton(demoOptions);
var smtpOptions = configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
services.AddSingleton(smtpOptions);
services.AddSingleton(configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions());
services.AddSingleton<IEmailTransport>(sp => string.IsNullOrWhiteSpace(smtpOptions.Host)
    ? new PickupDirectoryTransport(smtpOptions, Path.GetFullPath(smtpOptions.PickupDirectory, builder.Environment.ContentRootPath), sp.GetRequiredService<ILogger<PickupDirectoryTransport>>())
    : new SmtpEmailTransport(smtpOptions));
services.AddScoped<Outbox>();
services.AddScoped<RequestConnection>();
services.AddSingleton<OutboxDispatcher>();
services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
services.AddSingleton(configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions());
services.AddSingleton(configuration.GetSection(CilPortal.Infrastructure.Demands.DemandRegistrationOptions.Section).Get<CilPortal.Infrastructure.Demands.DemandRegistrationOptions>() ?? new CilPortal.Infrastructure.Demands.DemandRegistrationOptions());
services.AddSingleton(configuration.GetSection(CilPortal.Infrastructure.Audit.AuditOptions.Section).Get<CilPortal.Infrastructure.Audit.AuditOptions>() ?? new CilPortal.Infrastructure.Audit.AuditOptions());
services.AddSingleton(configuration.GetSection(CilPortal.Infrastructure.Audit.RetentionOptions.Section).Get<CilPortal.Infrastructure.Audit.RetentionOptions>() ?? new CilPortal.Infrastructure.Audit.RetentionOptions());
services.AddScoped<RenewalReminderJob>();
services.AddSingleton(configuration.GetSection(CilPortal.Infrastructure.Exchanges.ExchangeMatchingOptions.Section).Get<CilPortal.Infrastructure.Exchanges.ExchangeMatchingOptions>() ?? new CilPortal.Infrastructure.Exchanges.ExchangeMatchingOptions());
services.AddSingleton<CilPortal.Infrastructure.Exchanges.ExchangeGraphCache>();
services.AddHostedService<CilPortal.Infrastructure.Exchanges.ExchangeGraphWarmUp>();
services.AddScoped<CilPortal.Infrastructure.Exchanges.ExchangeService>();
services.AddScoped<CilPortal.Infrastructure.Exchanges.ExchangeQueries>();
services.AddScoped<CilPortal.Infrastructure.Exchanges.ExchangeMatching>();
services.AddScoped<CilPortal.Infrastructure.Exchanges.ExchangeMatchingJob>();
services.AddSingleton(new CilPortal.Infrastructure.Uploads.ImageSanitizer());
services.AddHostedService<ScheduledJobs>();
services.AddHostedService<CilPortal.Infrastructure.Scoring.ScoreRecomputationJob>();
services.AddOptions<BrandingOptions>().Bind(configuration.GetSection(BrandingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
services.AddSingleton<IValidateOptions<BrandingOptions>, BrandingContrastValidation>();
services.AddSingleton(sp => sp.GetRequiredService<IOptions<BrandingOptions>>().Value);
services.AddSingleton(configuration.GetSection(ContactOptions.Section).Get<ContactOptions>() ?? new ContactOptions());
services.AddSingleton(sp => new ContentStore(ContentFolder.Resolve(configuration["Content:Path"], builder.Environment.ContentRootPath), sp.GetRequiredService<ILogger<ContentStore>>()));

services.AddIdentity<ApplicationUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedEmail = true;
        options.Password.RequiredLength = PasswordPolicy.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorTokenProvider.ProviderName;
    })
    .AddEntityFrameworkStores<CilPortalDbContext>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(ReplayProtectedAuthenticatorTokenProvider.ProviderName)
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddErrorDescriber<FrenchIdentityErrorDescriber>()
    .AddSignInManager<CilPortalSignInManager>()
    .AddClaimsPrincipalFactory<CilPortalClaimsPrincipalFactory>();
// Secure cookies (named __Host-…) except on a developer's plain-HTTP machine; behind a TLS proxy, forward its headers
// (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, as docker-compose.yml does).
var sessionLimits = configuration.GetSection(SessionLimits.Section).Get<SessionLimits>() ?? new SessionLimits();
services.AddSingleton(sessionLimits);
services.AddCilPortalCookies(configuration.GetValue("Security:SecureCookies", true), options =>
{
    options.LoginPath = "/compte/connexion";
    options.LogoutPath = "/compte/deconnexion";
    options.AccessDeniedPath = "/compte/acces-refuse";

    // The idle timeout of each sign-in is set by its kind of account (Sessions.OnSigningIn); sliding keeps it going.
    options.ExpireTimeSpan = TimeSpan.FromMinutes(sessionLimits.PublicIdleMinutes);
    options.SlidingExpiration = true;
    options.Events.OnSigningIn = Sessions.OnSigningIn;

    // Identity's security-stamp check (every minute, below), the absolute timeout, then, on every request, whether the
    // account is still active: a deactivated account's session ends at its next request.
    options.Events.OnValidatePrincipal = ActiveAccountValidator.ValidateAsync;
});
services.Configure<SecurityStampValidatorOptions>(options =>
{
    options.ValidationInterval = TimeSpan.FromMinutes(1);
    options.OnRefreshingPrincipal = Sessions.KeepSessionTimes;
});
services.AddHsts(options =>
{
    options.MaxAge = TimeSpan.FromDays(365);
    options.IncludeSubDomains = true;
});
// Keys that protect cookies and antiforgery tokens live in the database (table DataProtectionKeys): they survive
// restarts, and every instance of the portal on the same database reads the cookies and forms of the others.
services.AddDataProtection()
    .SetApplicationName("CilPortal")
    .PersistKeysToDbContext<CilPortalDbContext>();
services.AddAuthorizationBuilder().AddCilPortalPolicies();
services.AddRazorPages(options =>
    {
        PageAccess.Apply(options.Conventions);
        PublicPageCache.Apply(options.Conventions);
    })
    .AddMvcOptions(options =>
    {
        FrenchModelBindingMessages.Apply(options.ModelBindingMessageProvider);
        options.ModelMetadataDetailsProviders.Add(new FrenchRequiredMessage());
        options.Filters.Add<StaffTwoFactorFilter>();
        options.Filters.Add<CaptchaPageFilter>();
        options.ModelBinderProviders.Insert(0, new TolerantBooleanBinderProvider());
    });
services.AddRouting(options => options.LowercaseUrls = true);
services.AddScoped<CilPortal.Web.Pages.MaDemande.DemandStatusQuery>();
services.AddScoped<CilPortal.Web.Pages.Gestion.Accueil.Demandes.StaffDemandQuery>();
services.AddCilPortalRateLimits(configuration);
services.AddPublicPageCache(configuration);
services.AddAccessCodeKey(configuration, builder.Environment);
var captchaOptions = services.AddCilPortalCaptcha(configuration, builder.Environment);
services.AddHealthChecks().AddDbContextCheck<CilPortalDbContext>("database");

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/erreur/500");
    app.UseHsts();
}

app.UseSecurityHeaders(policy => CaptchaSetup.ContentSecurityPolicy(captchaOptions, policy));
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(french),
    SupportedCultures = [french],
    SupportedUICultures = [french],
});
app.UseStatusCodePagesWithReExecute("/erreur/{0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();

// After authentication, so that signed-in posts are counted per account.
app.UseRateLimiter();
app.UseAuthorization();

// After authentication: a signed-in person's pages are never taken from or put in the cache (PublicPageCache).
app.UseOutputCache();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapGet("/theme.css", (BrandingOptions branding) => Results.Text(branding.ToCss(), "text/css")).AllowAnonymous();
app.MapCaptcha();
app.MapRazorPages();

// Unknown addresses answer a French 404 page to everyone, instead of a sign-in redirect from the fallback policy.
app.MapFallback(context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

if (demoOptions.Enabled && app.Environment.IsProduction())
{
    app.Logger.LogWarning("Mode démonstration activé en production (Demo:Enabled) : des données fictives sont chargées.");
}

await DatabaseInitialiser.InitialiseAsync(app.Services, demoOptions.Enabled);

// dotnet CilPortal.Web.dll seed-only: create and seed the database, then stop (bench/generate uses it for the large territory).
if (args is ["seed-only"])
{
    return;
}

// Command line for scheduled imports: dotnet CilPortal.Web.dll import-sne <file.xml> | import-evenements <file.csv>
if (args is ["import-sne", var importPath])
{
    Environment.ExitCode = await SneImportCommand.RunAsync(app.Services, importPath, Console.Out);
    return;
}

if (args is ["import-evenements", var eventsPath])
{
    Environment.ExitCode = await SneImportCommand.RunEventsAsync(app.Services, eventsPath, Console.Out);
    return;
}

await app.RunAsync();

/// <summary>Entry point, public for the test host.</summary>
public partial class Program;
