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
