// cvnicu: the few ICU services vnextract needs, behind plain C types.
//
// Why a shim: Foundation on Linux bundles its own ICU, whose headers clash with
// the system ICU's in any Swift module that sees both, and ICU's versioned
// symbol macros (unorm2_normalize -> unorm2_normalize_72) cannot be imported
// into Swift. This header exposes only <stdint.h> types, so Swift never sees ICU.
//
// Text is UTF-16 (uint16_t code units), as ICU wants it. Every function that can
// fail takes `int32_t *status`: 0 on success, an ICU error code (> 0) otherwise.
#ifndef CVNICU_H
#define CVNICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes the ICU version of the linked library ("72.1") into `buffer`
/// (NUL-terminated, at most `capacity` bytes).
void cvn_icu_version(char *buffer, int32_t capacity);

/// Writes the Unicode version ICU implements ("15.0") into `buffer`.
void cvn_unicode_version(char *buffer, int32_t capacity);

/// Length of the longest prefix of `text` that ICU's NFC quick check finds
/// already normalized (`unorm2_spanQuickCheckYes`). Equal to `length` when the
/// whole text is NFC, which is the fast path: nothing needs copying.
int32_t cvn_nfc_quick_check_span(const uint16_t *text, int32_t length, int32_t *status);

/// Normalizes `text` to NFC into `dest` and records, for every output code
/// unit, the half-open range of input code units it came from
/// (`sourceStart[i]`, `sourceEnd[i]`). The ranges are normalization segments
/// (a starter and the marks that combine with it), so they never split a
/// character. Returns the output length; if it exceeds `capacity`, nothing
/// useful was written and the caller retries with a larger buffer.
/// An output of at most 3 * length units always fits.
int32_t cvn_nfc_normalize_mapped(const uint16_t *text, int32_t length,
                                 uint16_t *dest, int32_t *sourceStart, int32_t *sourceEnd,
                                 int32_t capacity, int32_t *status);

/// Character classes for the tokenizer and normalizer, one byte per BMP code point.
enum {
    CVN_CLASS_OTHER = 0,
    CVN_CLASS_LETTER = 1,       ///< L* general categories
    CVN_CLASS_DIGIT = 2,        ///< Nd
    CVN_CLASS_MARK = 3,         ///< M* (combining marks)
    CVN_CLASS_SPACE = 4,        ///< White_Space, not a line break
    CVN_CLASS_NEWLINE = 5,      ///< LF, CR, VT, FF, NEL, LS, PS
    CVN_CLASS_PUNCTUATION = 6,  ///< P*
    CVN_CLASS_SYMBOL = 7,       ///< S*
    CVN_CLASS_FORMAT = 8,       ///< Cf (zero-width and other invisible format characters)
    CVN_CLASS_OTHER_NUMBER = 9, ///< Nl, No (roman numeral letters, superscripts)
    CVN_CLASS_MASK = 0x0F,      ///< the class bits; the flags below are or-ed in
    CVN_FLAG_UPPER = 0x10,      ///< Uppercase property
    CVN_FLAG_LOWER = 0x20       ///< Lowercase property
};

/// Fills `table[0..<65536]` with the CVN_CLASS_* of every BMP code point,
/// or-ed with CVN_FLAG_UPPER / CVN_FLAG_LOWER (surrogates get CVN_CLASS_OTHER).
void cvn_fill_class_table(uint8_t *table);

/// Fills `table[0..<65536]` with the folded matching key of every BMP code
/// point: the first code point of its canonical decomposition, simple
/// case-folded, with đ/Đ/Ð folded to 'd'. Combining marks map to 0 (dropped).
/// Code points without a decomposition map to their case fold.
void cvn_fill_fold_table(uint16_t *table);

/// Fills `table[0..<65536]` with the simple lower-case mapping of every BMP
/// code point (surrogates and code points whose lower case is outside the BMP
/// map to themselves).
void cvn_fill_lower_table(uint16_t *table);

/// Kinds of text segmentation.
enum {
    CVN_BREAK_WORD = 0,
    CVN_BREAK_SENTENCE = 1
};

/// An ICU break iterator, opened once and reused for many texts. Not thread-safe:
/// use one per thread.
typedef struct CVNBreaker CVNBreaker;

/// Opens a break iterator of `kind` (CVN_BREAK_*) for the Vietnamese locale.
CVNBreaker *cvn_breaker_open(int32_t kind, int32_t *status);

/// Closes a break iterator opened by cvn_breaker_open.
void cvn_breaker_close(CVNBreaker *breaker);

/// Runs the iterator over `text` and writes every boundary after 0 (ending
/// with `length`) into `boundaries`, and ICU's rule status of the segment that
/// ends there into `ruleStatus` (word breaks: 0-99 none, 100-199 number,
/// 200-299 letter, ...) unless `ruleStatus` is NULL. The arrays need room for
/// `length + 1` entries.
/// Returns the number of boundaries written.
int32_t cvn_breaker_boundaries(CVNBreaker *breaker, const uint16_t *text, int32_t length,
                               int32_t *boundaries, int32_t *ruleStatus, int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
