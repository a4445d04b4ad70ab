/* asan-test-util.h — whether this test is built with AddressSanitizer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests' second pass runs under AddressSanitizer (build-aux/dev), where
 * everything is slower and the address space is not the program's to limit.
 */
#pragma once

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif
