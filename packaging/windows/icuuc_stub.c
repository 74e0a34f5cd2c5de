/* A test-only stand-in for Windows 10's system icuuc.dll, for Wine 8.0, which has none.
 *
 * Qt6Core.dll (PySide6 6.11, win_amd64) imports these 20 ICU converter functions from the
 * system's icuuc.dll. This stub answers "no converter" to every request, so Qt falls back to
 * its own codecs (UTF-8, UTF-16, Latin-1 and the Windows code pages); it is built by
 * packaging/windows/wine.sh into the Wine prefix's system32 only and must never be bundled:
 * on Windows 10 and 11 the real one is in system32.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4     /* UErrorCode: "the requested file cannot be found" */
#define U_UNSUPPORTED_ERROR 16    /* UErrorCode: "requested operation not supported" */

typedef int32_t UErrorCode;
typedef uint16_t UChar;

static void fail(UErrorCode *status, UErrorCode code)
{
    if (status != NULL && *status <= 0) /* ICU: an error already set is kept */
        *status = code;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *status)
{
    (void)name;
    fail(status, U_FILE_ACCESS_ERROR);
    return NULL;
}

EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT const char *ucnv_getName(const void *converter, UErrorCode *status)
{
    (void)converter;
    fail(status, U_UNSUPPORTED_ERROR);
    return NULL;
}

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard,
                                        UErrorCode *status)
{
    (void)name; (void)standard;
    fail(status, U_UNSUPPORTED_ERROR);
    return NULL;
}

EXPORT void ucnv_getToUCallBack(const void *converter, void **action, const void **context)
{
    (void)converter;
    if (action != NULL) *action = NULL;
    if (context != NULL) *context = NULL;
}

EXPORT void ucnv_getFromUCallBack(const void *converter, void **action, const void **context)
{
    ucnv_getToUCallBack(converter, action, context);
}

EXPORT void ucnv_setToUCallBack(void *converter, void *action, const void *context,
                                void **old_action, const void **old_context, UErrorCode *status)
{
    (void)converter; (void)action; (void)context;
    ucnv_getToUCallBack(NULL, old_action, old_context);
    fail(status, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_setFromUCallBack(void *converter, void *action, const void *context,
                                  void **old_action, const void **old_context, UErrorCode *status)
{
    ucnv_setToUCallBack(converter, action, context, old_action, old_context, status);
}

EXPORT void ucnv_toUnicode(void *converter, UChar **target, const UChar *target_limit,
                           const char **source, const char *source_limit, int32_t *offsets,
                           int8_t flush, UErrorCode *status)
{
    (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    fail(status, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_fromUnicode(void *converter, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             int8_t flush, UErrorCode *status)
{
    (void)converter; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    fail(status, U_UNSUPPORTED_ERROR);
}

EXPORT int32_t ucnv_toUCountPending(const void *converter, UErrorCode *status)
{
    (void)converter;
    fail(status, U_UNSUPPORTED_ERROR);
    return 0;
}

EXPORT int32_t ucnv_fromUCountPending(const void *converter, UErrorCode *status)
{
    return ucnv_toUCountPending(converter, status);
}

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length,
                                  int32_t offset_index, UErrorCode *status)
{
    (void)args; (void)source; (void)length; (void)offset_index;
    fail(status, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset_index, UErrorCode *status)
{
    (void)args; (void)source; (void)source_limit; (void)offset_index;
    fail(status, U_UNSUPPORTED_ERROR);
}

/* The callbacks ICU installs by default; Qt only passes their addresses back to ICU. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args,
                                            const UChar *code_units, int32_t length,
                                            int32_t code_point, int32_t reason,
                                            UErrorCode *status)
{
    (void)context; (void)args; (void)code_units; (void)length; (void)code_point; (void)reason;
    (void)status;
}

EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args,
                                          const char *code_units, int32_t length,
                                          int32_t reason, UErrorCode *status)
{
    (void)context; (void)args; (void)code_units; (void)length; (void)reason; (void)status;
}
