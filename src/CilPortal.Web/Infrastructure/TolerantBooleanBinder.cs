using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CilPortal.Web.Infrastructure;

/// <summary>
/// Binds a checkbox: "true"/"on" ticked, anything else not. A forged value such as "maybe" must not
/// reach the checkbox tag helper, which cannot redisplay it.
/// </summary>
public sealed class TolerantBooleanBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var ticked = values.Values.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase));
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult(ticked ? "true" : "false"));
        bindingContext.Result = ModelBindingResult.Success(ticked);
        return Task.CompletedTask;
    }
}

public sealed class TolerantBooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(bool) ? new TolerantBooleanBinder() : null;
    }
}
