using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;

namespace Catalog.Api.Dialects.OperationList;

/// <summary>Marks an operation-list controller: whole-request errors are then <c>{error, code, details}</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class OperationListDialectAttribute : Attribute, IRequestErrorFormat
{
    public (int Status, object Body) Render(RequestError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Detail ?? error.Title;
        return (error.Status, new OperationListError(
            message.Length > 0 ? message : ReasonPhrases.GetReasonPhrase(error.Status),
            error.Code,
            error.Errors.Count > 0 ? error.Errors : null));
    }
}

/// <summary>
/// The operations a route takes, as its OpenAPI body, while the action reads them itself as they arrive: the
/// parameter is documented as the body and never bound (it stays null).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class OperationsBodyAttribute : Attribute, IBindingSourceMetadata, IBinderTypeProviderMetadata
{
    public BindingSource BindingSource => BindingSource.Body;

    public Type BinderType => typeof(Unbound);

    private sealed class Unbound : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            ArgumentNullException.ThrowIfNull(bindingContext);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
    }
}
