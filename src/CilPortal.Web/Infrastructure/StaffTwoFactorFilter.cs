using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Two-factor authentication is mandatory for staff: a signed-in member of staff whose account has it off reaches
/// only the set-up page (and the account and error pages); any other page sends them there.
/// </summary>
public sealed class StaffTwoFactorFilter : IAsyncPageFilter
{
    public const string SetupPath = "/compte/double-authentification";

    private static readonly string[] AllowedFolders = ["/Compte/", "/Securite/", "/Erreur"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && user.IsStaff() && !user.HasTwoFactor()
            && !AllowedFolders.Any(folder => page.StartsWith(folder, StringComparison.Ordinal)))
        {
            context.Result = new RedirectResult(SetupPath);
            return;
        }

        await next();
    }
}
